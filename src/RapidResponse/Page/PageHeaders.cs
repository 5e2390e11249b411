using Microsoft.AspNetCore.Http;

namespace RapidResponse.Page;

/// <summary>
/// What the page's responses tell the browser: load nothing from other hosts, run no inline script or style, never be
/// framed, send no referrer (the page's URL may carry a one-time sign-in link), and revalidate before reuse.
/// </summary>
public static class PageHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=()";
        headers.CacheControl = "no-cache";
    }
}
