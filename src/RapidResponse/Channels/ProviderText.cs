using System.Text.RegularExpressions;
using RapidResponse.Security;

namespace RapidResponse.Channels;

/// <summary>
/// A provider's own words (an error message, a response body) made safe to store or log: Twilio quotes the number
/// ("The 'To' number +77011234567 is not a valid phone number"), SendGrid the address. Every phone number and email
/// address in the text goes through <see cref="Pii"/>.
/// </summary>
public static partial class ProviderText
{
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var masked = Email().Replace(text, match => Pii.MaskEmail(match.Value));
        return Phone().Replace(masked, match => Pii.MaskPhone(match.Value));
    }

    // A '+' and seven or more digits with the separators people write (any E.164 number), or nine digits or more
    // in a row: error codes (five digits), statuses and dates stay as they are.
    [GeneratedRegex(@"\+\d(?:[\s\-().]?\d){6,}|\d{9,}")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[^\s@'""<>(),;:]+@[^\s@'""<>(),;:]+\.[^\s@'""<>(),;:]+")]
    private static partial Regex Email();
}
