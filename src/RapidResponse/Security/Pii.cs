using System.Text.RegularExpressions;

namespace RapidResponse.Security;

/// <summary>
/// The one masking helper for phone numbers and email addresses: everything that logs, traces or shows
/// a contact's address to someone who is not a coordinator passes through here.
/// </summary>
public static partial class Pii
{
    /// <summary><c>+77011234567</c> → <c>+770•••••67</c>: country and operator prefix and the last two digits.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return "";
        }

        if (phone.Length <= 6)
        {
            return new string('•', phone.Length);
        }

        return string.Concat(phone.AsSpan(0, 4), new string('•', phone.Length - 6), phone.AsSpan(phone.Length - 2));
    }

    /// <summary><c>aigerim@example.org</c> → <c>a•••@example.org</c>.</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "";
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "•••" : string.Concat(email.AsSpan(0, 1), "•••", email.AsSpan(at));
    }

    /// <summary>Masks an address of either kind.</summary>
    public static string MaskAddress(string? address) =>
        address is not null && address.Contains('@', StringComparison.Ordinal) ? MaskEmail(address) : MaskPhone(address);

    /// <summary>
    /// Free text (an SMS body; a provider's own words, which quote the number or address, as Twilio's "The 'To' number
    /// +77011234567 is not a valid phone number") with every phone number and email address in it masked.
    /// </summary>
    public static string MaskText(string? text) =>
        string.IsNullOrEmpty(text) ? "" : PhoneInText().Replace(EmailInText().Replace(text, m => MaskEmail(m.Value)), m => MaskPhone(Digits(m.Value)));

    private static string Digits(string phone) =>
        string.Concat(phone.Where(c => char.IsAsciiDigit(c) || c == '+'));

    // A '+' and 7 or more digits with the separators people write (any E.164 number), or 9 or more digits standing
    // alone: error codes (five digits), dates, times, coordinates and the digits inside ids and links stay as they are.
    [GeneratedRegex(@"(?<![\w/=])\+\d(?:[ \-().]{0,2}\d){6,}|(?<![\w/=.+-])\d{9,}(?![\w.])")]
    private static partial Regex PhoneInText();

    [GeneratedRegex(@"[^\s@'""<>(),;:]+@[^\s@'""<>(),;:]+\.[^\s@'""<>(),;:]+")]
    private static partial Regex EmailInText();
}
