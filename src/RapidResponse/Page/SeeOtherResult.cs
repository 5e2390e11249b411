using Microsoft.AspNetCore.Http;

namespace RapidResponse.Page;

/// <summary>
/// <c>303 See Other</c> to a page: after a GET or a POST, the browser GETs the target. Sent with no referrer, since the
/// URL left behind carries a credential.
/// </summary>
public sealed class SeeOtherResult(Uri location) : IResult
{
    public Uri Location => location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status303SeeOther;
        response.Headers.Location = location.AbsoluteUri;
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }
}
