using System.ComponentModel.DataAnnotations;

namespace RapidResponse.Security;

/// <summary>
/// Single sign-on through App Service Authentication (section <c>RapidResponse:EasyAuth</c>), off by default. Turn it on
/// only where App Service Authentication is on: App Service then strips any <c>X-MS-CLIENT-PRINCIPAL</c> a client sends
/// and sets its own; anywhere else the header is whatever the caller wrote.
/// </summary>
public sealed class EasyAuthOptions
{
    public const string Section = RapidResponseOptions.Section + ":EasyAuth";

    /// <summary>Whether a request without a bearer token may be signed in by App Service's principal header.</summary>
    public bool Enabled { get; set; }

    /// <summary>The claim holding the user's region scope (one claim per region, or comma-separated codes).</summary>
    [Required, MinLength(1)]
    public string RegionsClaim { get; set; } = "extension_RapidResponseRegions";

    /// <summary>Entra group object ids → the regions their members coordinate (e.g. <c>RapidResponse:EasyAuth:GroupRegions:&lt;id&gt; = KZ</c>).</summary>
    public Dictionary<string, string> GroupRegions { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
