using Microsoft.AspNetCore.Http;
using Twilio.Security;

namespace RapidResponse.Security;

/// <summary>
/// Checks Twilio's request signature (<c>X-Twilio-Signature</c>) with the Twilio SDK's own
/// <see cref="RequestValidator"/> (which also tries the URL with and without its port, as Twilio may sign either),
/// against every URL Twilio may have been given for this request.
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    /// <summary>
    /// The URLs Twilio may have signed: the configured public base URL's (what the service gives Twilio in every
    /// <c>StatusCallback</c>) with path and query exactly as they arrived, and the same with the scheme a
    /// TLS-terminating proxy reports in <c>X-Forwarded-Proto</c>, for a webhook a coordinator typed into the Twilio
    /// console with the other scheme. The host is always the configured one: a request's own Host header is the
    /// caller's to choose, and would let a signature made for another deployment on the same account pass here.
    /// </summary>
    public static IReadOnlyList<string> SignedUrls(HttpRequest request, Uri publicBaseUrl)
    {
        var configured = publicBaseUrl.AbsoluteUri.TrimEnd('/') + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        var forwarded = request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim().ToLowerInvariant();
        return forwarded is "http" or "https" && forwarded != publicBaseUrl.Scheme
            ? [configured, forwarded + configured[publicBaseUrl.Scheme.Length..]]
            : [configured];
    }

    /// <summary>True when <paramref name="signature"/> signs one of <paramref name="urls"/> with <paramref name="parameters"/>.</summary>
    public static bool IsValid(string authToken, IEnumerable<string> urls, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || Fields(parameters) is not { } fields)
        {
            return false;
        }

        var validator = new RequestValidator(authToken);
        var valid = false;
        foreach (var url in urls)
        {
            // No early exit: every URL is checked, so timing does not tell which one matched.
            valid |= validator.Validate(url, fields, signature);
        }

        return valid;
    }

    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature) =>
        IsValid(authToken, [url], parameters, signature);

    /// <summary>
    /// The form as the validator takes it, or null when a name repeats with another value: Twilio's messaging
    /// webhooks never repeat one, and a dictionary could not say which value was signed.
    /// </summary>
    private static Dictionary<string, string>? Fields(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (!fields.TryAdd(name, value) && !string.Equals(fields[name], value, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return fields;
    }
}
