using System.Security.Cryptography;
using System.Text;

namespace RapidResponse.Tests.Support;

/// <summary>
/// Signs a webhook as Twilio does (base64 of HMAC-SHA1 keyed with the auth token, over the URL followed by every
/// parameter sorted by name, as name + value), so tests can post what Twilio would. Checked against Twilio's
/// published vectors in TwilioSignatureTests; the service itself only verifies, with the Twilio SDK.
/// </summary>
public static class TwilioSigner
{
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.Distinct().OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
