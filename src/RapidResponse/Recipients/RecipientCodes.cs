using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RapidResponse.Recipients;

/// <summary>
/// The code in a recipient's page link (<c>/api/r/{code}</c>): 11 base62 characters carrying 64 bits of an
/// HMAC-SHA256 over alert and delivery, keyed by a key derived from the data key. A retried send writes the same
/// code; nobody without the key can make or guess one. Only <see cref="Hash"/> of a code is ever stored.
/// </summary>
public sealed class RecipientCodes(IOptions<RapidResponseOptions> options)
{
    public const int Length = 11;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private readonly byte[] key = options.Value.DerivedKey("rapidresponse/recipient-link/v1");

    public string For(string alertId, string deliveryId)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(alertId + "\n" + deliveryId));
        var value = BitConverter.ToUInt64(mac, 0);
        var code = new char[Length];
        for (var i = Length - 1; i >= 0; i--)
        {
            code[i] = Alphabet[(int)(value % 62)];
            value /= 62;
        }

        return new string(code);
    }

    /// <summary>The row key a code is stored under: its SHA-256, so a copy of the table opens no page.</summary>
    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)));

    /// <summary>Only what <see cref="For"/> can make is looked up; anything else is refused before storage is asked.</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(c => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z'));
}
