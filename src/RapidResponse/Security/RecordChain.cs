using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RapidResponse.Security;

/// <summary>
/// The hash chain of an alert's timeline. Entry n's hash is
/// <c>hex(SHA-256(UTF-8(prevHash + "\n" + n + "\n" + at + "\n" + kind + "\n" + text)))</c>, where <c>prevHash</c> is
/// entry n−1's hash (64 zeros for entry 1) and <c>at</c> is UTC with milliseconds, e.g.
/// <c>2026-11-24T10:05:00.123Z</c>. Text comes last, so a line break inside it cannot shift a field.
/// </summary>
public static class RecordChain
{
    public const string Algorithm = "sha256(prevHash \\n seq \\n at \\n kind \\n text), hex; entry 1's prevHash is 64 zeros";

    public static readonly string Genesis = new('0', 64);

    /// <summary>The timestamp as hashed and exported: UTC, millisecond precision (what every table store keeps).</summary>
    public static string FormatAt(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Hash(string prevHash, long seq, string at, string kind, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', prevHash, seq.ToString(CultureInfo.InvariantCulture), at, kind, text))));
}
