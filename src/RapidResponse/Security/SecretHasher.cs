using System.Security.Cryptography;
using System.Text;

namespace RapidResponse.Security;

/// <summary>
/// Hashes high-entropy secrets (tokens, the admin key) for storage and compares them in constant time.
/// A plain SHA-256 suffices: the secrets are 256-bit random values, not guessable passwords.
/// </summary>
public static class SecretHasher
{
    public static string Hash(string secret) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string expectedHash)
    {
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), actual);
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        return Convert.TryFromBase64String(expectedHash, expected, out var written)
            && written == SHA256.HashSizeInBytes
            && CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A new random secret of 256 bits, URL-safe.</summary>
    public static string NewSecret() => Base64Url.Encode(RandomNumberGenerator.GetBytes(32));

    private static class Base64Url
    {
        public static string Encode(byte[] bytes) =>
            Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
