namespace RapidResponse.Channels;

/// <summary>
/// Sends every request to a configured base URL, keeping the SDK's path and query. Twilio's SDK has no base-URL
/// option, so this is how <c>Twilio__BaseUrl</c> points it at a compatible endpoint or a local stand-in.
/// </summary>
public sealed class BaseUrlHandler(Uri baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } original)
        {
            var builder = new UriBuilder(baseUrl)
            {
                Path = baseUrl.AbsolutePath.TrimEnd('/') + original.AbsolutePath,
                Query = original.Query.TrimStart('?'),
            };
            request.RequestUri = builder.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
