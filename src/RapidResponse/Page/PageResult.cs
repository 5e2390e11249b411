using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace RapidResponse.Page;

/// <summary>
/// Writes a page file with <see cref="PageHeaders"/>; a matching <c>If-None-Match</c> gets <c>304</c>. A status other
/// than 200 (the styled 404 of a recipient link) is written as is, never as 304.
/// </summary>
public sealed class PageResult(PageAsset asset, int status = StatusCodes.Status200OK) : IResult
{
    public PageAsset Asset => asset;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        PageHeaders.Apply(response);
        if (asset.Name == PageAssets.ServiceWorker)
        {
            // Served under assets/, it must control the page itself, one level up.
            response.Headers["Service-Worker-Allowed"] = PageAssets.Scope;
        }

        response.Headers.ETag = asset.ETag;
        var ifNoneMatch = httpContext.Request.Headers[HeaderNames.IfNoneMatch].ToString();
        if (status == StatusCodes.Status200OK && ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Contains(asset.ETag, StringComparer.Ordinal))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = status;
        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        await response.Body.WriteAsync(asset.Content, httpContext.RequestAborted);
    }
}
