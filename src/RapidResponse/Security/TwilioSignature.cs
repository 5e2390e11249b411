using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RapidResponse.Security;

/// <summary>
/// Twilio's request signature (<c>X-Twilio-Signature</c>): base64 of HMAC-SHA1, keyed with the account's auth token,
/// over the full URL Twilio was given followed by every POST parameter, sorted by name, as name + value.
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters) =>
        Convert.ToBase64String(Hash(authToken, url, Sorted(parameters)));

    /// <summary>
    /// True when <paramref name="signature"/> signs <paramref name="url"/> and <paramref name="parameters"/>.
    /// Like Twilio's own libraries, the URL is also tried with its port left out (or, without one, the scheme's
    /// default port written out), since Twilio may sign either form. Comparisons are constant-time.
    /// </summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        Span<byte> presented = stackalloc byte[HMACSHA1.HashSizeInBytes];
        if (string.IsNullOrEmpty(signature)
            || !Convert.TryFromBase64String(signature, presented, out var written)
            || written != HMACSHA1.HashSizeInBytes)
        {
            return false;
        }

        var sorted = Sorted(parameters);
        var valid = false;
        foreach (var candidate in UrlForms(url))
        {
            // No early exit: every form is checked, so timing does not tell which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(Hash(authToken, candidate, sorted), presented);
        }

        return valid;
    }

    private static byte[] Hash(string authToken, string url, List<KeyValuePair<string, string>> sorted)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in sorted)
        {
            data.Append(name).Append(value);
        }

        return HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
    }

    // Ordinal by name, a repeated name by value, and an identical name and value counted once: as Twilio's SDKs do.
    private static List<KeyValuePair<string, string>> Sorted(IEnumerable<KeyValuePair<string, string>> parameters) =>
        parameters
            .Distinct()
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<string> UrlForms(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield break;
        }

        // Only the authority changes; path and query stay byte for byte as given, since they are what Twilio signed.
        var start = uri.Scheme.Length + "://".Length;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        end = end < 0 ? url.Length : end;
        var authority = url[start..end];
        var colon = authority.LastIndexOf(':');
        var hasPort = colon > authority.LastIndexOf(']') && colon > authority.LastIndexOf('@');
        var other = hasPort
            ? authority[..colon]
            : authority + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        yield return string.Concat(url.AsSpan(0, start), other, url.AsSpan(end));
    }
}
