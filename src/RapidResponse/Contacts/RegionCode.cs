using System.Text.RegularExpressions;

namespace RapidResponse.Contacts;

/// <summary>
/// Region codes: <c>INTL</c>, a country (ISO 3166-1 alpha-2, <c>KZ</c>) or a subdivision (<c>KZ-SHY</c>).
/// The part before the first '-' is the country.
/// </summary>
public static partial class RegionCode
{
    public const string International = "INTL";
    public const string Rule = "must be INTL, a country code like KZ, or a subdivision like KZ-SHY";

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value.Trim());

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>The region, its country, then <c>INTL</c>: <c>KZ-SHY</c> → <c>KZ-SHY, KZ, INTL</c>.</summary>
    public static IReadOnlyList<string> Chain(string region)
    {
        region = Normalize(region);
        if (region == International)
        {
            return [International];
        }

        var dash = region.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? [region, International] : [region, region[..dash], International];
    }

    /// <summary>The country part of a region, or null for <c>INTL</c>.</summary>
    public static string? Country(string region)
    {
        var chain = Chain(region);
        return chain.Count == 1 ? null : chain[^2];
    }

    [GeneratedRegex("^(INTL|[A-Za-z]{2}(-[A-Za-z0-9]{1,6})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
