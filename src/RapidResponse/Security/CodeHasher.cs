using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RapidResponse.Security;

/// <summary>
/// Hashes an organizer's short codes (safe code, duress code, SMS codeword). Unlike tokens these are short and
/// guessable, so each is stretched with PBKDF2-SHA256 under the organizer's own salt: a stolen table does not give
/// them up to a dictionary in seconds. Codes compare trimmed and case-insensitively: they are typed under stress.
/// </summary>
public static class CodeHasher
{
    /// <summary>OWASP's current work factor for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet).</summary>
    public const int Iterations = 600_000;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    public static string NewSalt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    public static string Hash(string code, string salt) =>
        string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(Derive(code, salt, Iterations))}");

    public static bool Matches(string? code, string salt, string? stored)
    {
        if (string.IsNullOrWhiteSpace(code) || stored?.Split('$') is not [Scheme, var rounds, var hash]
            || !int.TryParse(rounds, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        return Convert.TryFromBase64String(hash, expected, out var written)
            && written == HashBytes
            && CryptographicOperations.FixedTimeEquals(Derive(code, salt, iterations), expected);
    }

    /// <summary>True for a hash made with fewer iterations than today's: re-hash it after a successful check.</summary>
    public static bool NeedsRehash(string? stored) =>
        stored?.Split('$') is [Scheme, var rounds, _]
        && int.TryParse(rounds, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
        && iterations < Iterations;

    /// <summary>
    /// Trimmed, composed (NFC) and lower-cased: a codeword in Kazakh or Russian matches however the phone's keyboard
    /// capitalised or composed it ("Қасқыр" as "қасқыр"; "й" as one code point or as "и" with a combining breve).
    /// </summary>
    public static string Normalize(string code) => code.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();

    private static byte[] Derive(string code, string salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalize(code)), Convert.FromBase64String(salt), iterations, HashAlgorithmName.SHA256, HashBytes);
}
