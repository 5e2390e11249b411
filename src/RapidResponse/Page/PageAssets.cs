using System.Collections.Frozen;
using System.Security.Cryptography;

namespace RapidResponse.Page;

/// <summary>
/// The organizer's panic page (<c>Page/wwwroot</c>), embedded in the assembly so every host serves the same files
/// and nothing is loaded from another host. Only embedded files exist: a name is looked up, never a path.
/// </summary>
public static class PageAssets
{
    public const string Index = "index.html";

    /// <summary>A recipient's page (<c>/api/r/{code}</c>), and what an expired or forged link shows instead.</summary>
    public const string Recipient = "recipient.html";

    public const string NotFound = "notfound.html";

    /// <summary>The coordinators' console (<c>/api/console</c>).</summary>
    public const string Console = "console.html";

    /// <summary>The service worker that keeps the page's files for offline use, and the path it controls.</summary>
    public const string ServiceWorker = "sw.js";

    public const string Scope = "/api/app";
    private const string Prefix = "RapidResponse.Page.wwwroot.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".webmanifest"] = "application/manifest+json",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, PageAsset> Assets = Load();

    public static IReadOnlyCollection<string> Names => Assets.Keys;

    public static PageAsset? Find(string? name) =>
        name is not null && Assets.TryGetValue(name, out var asset) ? asset : null;

    private static FrozenDictionary<string, PageAsset> Load()
    {
        var assembly = typeof(PageAssets).Assembly;
        var assets = new Dictionary<string, PageAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"";
            assets[name] = new PageAsset(name, content, ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"), etag);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
