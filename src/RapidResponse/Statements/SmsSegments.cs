namespace RapidResponse.Statements;

/// <summary>How an SMS body is encoded on the air: GSM 03.38 (7-bit) when every character allows it, UCS-2 otherwise.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}

/// <summary>
/// Counts SMS segments the way carriers bill them. A Cyrillic letter, an emoji or a typographic ellipsis turns the
/// whole message into UCS-2, which cuts a segment from 160 characters to 70, so texts are measured, never guessed.
/// </summary>
public static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Each costs two septets: the escape character plus the character itself.
    private const string Extension = "^{}\\[~]|€\f";

    public static SmsEncoding EncodingOf(string text) =>
        text.All(c => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal))
            ? SmsEncoding.Gsm7
            : SmsEncoding.Ucs2;

    /// <summary>Septets for GSM-7, UTF-16 code units for UCS-2 (a surrogate pair is two units, as on the air).</summary>
    public static int Units(string text) =>
        EncodingOf(text) == SmsEncoding.Gsm7
            ? text.Sum(c => Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1)
            : text.Length;

    /// <summary>How many units fit in <paramref name="segments"/> segments (a concatenated segment loses room to its header).</summary>
    public static int Capacity(SmsEncoding encoding, int segments) =>
        (encoding, segments) switch
        {
            (_, <= 0) => 0,
            (SmsEncoding.Gsm7, 1) => 160,
            (SmsEncoding.Gsm7, _) => 153 * segments,
            (SmsEncoding.Ucs2, 1) => 70,
            _ => 67 * segments,
        };

    /// <summary>
    /// The segments a message to a responder may take: 2 in GSM-7 (306 characters), 3 in UCS-2 (201), so a Cyrillic or
    /// Kazakh text carries about what a Latin one does.
    /// </summary>
    public static int Budget(string text) => EncodingOf(text) == SmsEncoding.Gsm7 ? 2 : 3;

    public static int Count(string text)
    {
        if (text.Length == 0)
        {
            return 1;
        }

        var encoding = EncodingOf(text);
        var units = Units(text);
        if (units <= Capacity(encoding, 1))
        {
            return 1;
        }

        var perSegment = Capacity(encoding, 2) / 2;
        return (units + perSegment - 1) / perSegment;
    }
}
