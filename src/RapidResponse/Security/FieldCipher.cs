using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RapidResponse.Security;

/// <summary>
/// Encrypts contact details at rest (contacts' phones and emails, delivery addresses) with AES-256-GCM under
/// <see cref="RapidResponseOptions.DataKey"/>: <c>enc:v1:&lt;nonce&gt;:&lt;ciphertext+tag&gt;</c> (base64), a random
/// 96-bit nonce per value. Without a key values are stored as they are; plaintext rows always read (migration).
/// Lookups by phone never need the clear value: they go through the keyed phone index (<see cref="PhoneHasher"/>).
/// </summary>
public sealed class FieldCipher
{
    public const string Prefix = "enc:v1:";

    private static readonly byte[] Context = Encoding.UTF8.GetBytes("rapidresponse/field/v1");
    private readonly byte[]? key;

    public FieldCipher(IOptions<RapidResponseOptions> options)
        : this(options.Value.DataKey is { Length: > 0 } key ? Convert.FromBase64String(key) : null)
    {
    }

    private FieldCipher(byte[]? key) => this.key = key;

    /// <summary>No key: values pass through unchanged.</summary>
    public static FieldCipher None { get; } = new((byte[]?)null);

    public bool Enabled => key is not null;

    public string? Encrypt(string? value)
    {
        if (key is null || value is null || value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return value;
        }

        var plain = Encoding.UTF8.GetBytes(value);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var sealedBytes = new byte[plain.Length + AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(key, AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), Context);
        return $"{Prefix}{Convert.ToBase64String(nonce)}:{Convert.ToBase64String(sealedBytes)}";
    }

    public string? Decrypt(string? stored)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        if (key is null)
        {
            throw new InvalidOperationException("Stored contact details are encrypted, but RapidResponse:DataKey is not configured.");
        }

        var parts = stored[Prefix.Length..].Split(':');
        var nonce = Convert.FromBase64String(parts[0]);
        var sealedBytes = Convert.FromBase64String(parts[1]);
        var plainLength = sealedBytes.Length - AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[plainLength];
        using var aes = new AesGcm(key, AesGcm.TagByteSizes.MaxSize);
        aes.Decrypt(nonce, sealedBytes.AsSpan(0, plainLength), sealedBytes.AsSpan(plainLength), plain, Context);
        return Encoding.UTF8.GetString(plain);
    }
}
