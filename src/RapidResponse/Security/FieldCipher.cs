using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RapidResponse.Security;

/// <summary>
/// Encrypts sensitive columns at rest (who is alerted, who organizes, what an alert says and where) with AES-256-GCM
/// under <see cref="RapidResponseOptions.DataKey"/>: <c>enc:v2:&lt;key id&gt;:&lt;nonce&gt;:&lt;ciphertext+tag&gt;</c>
/// (base64), a random 96-bit nonce per value. The associated data names the table, partition key, row key and
/// column (<see cref="RowCipher"/>), so a value copied to another row or column does not decrypt. Values written by
/// earlier versions (<c>enc:v1:…</c>, bound to nothing) and plaintext rows still read, and are sealed as v2 when the
/// row is next written. Values under a retired key (<see cref="RapidResponseOptions.RetiredDataKeys"/>) read too.
/// Without a key values are stored as they are.
/// </summary>
public sealed class FieldCipher
{
    public const string Prefix = "enc:v2:";
    public const string V1Prefix = "enc:v1:";

    // A clear value that would read as sealed is stored behind this mark when there is no key (an alert's message may
    // say anything), so no input can make its own row unreadable.
    private const string ClearMark = "enc:clear:";
    private const string Marker = "enc:";
    private const int TagSize = 16;
    private const int NonceSize = 12;
    private static readonly byte[] V1Context = Encoding.UTF8.GetBytes("rapidresponse/field/v1");

    private readonly (string Id, byte[] Key)? current;
    private readonly Dictionary<string, byte[]> keysById;
    private readonly byte[][] v1Keys;

    public FieldCipher(IOptions<RapidResponseOptions> options)
        : this(options.Value.DataKey, options.Value.RetiredKeys())
    {
    }

    private FieldCipher(string? dataKey, IReadOnlyList<byte[]> retired)
    {
        var all = new List<byte[]>();
        if (dataKey is { Length: > 0 })
        {
            var key = Convert.FromBase64String(dataKey);
            current = (KeyId(key), key);
            all.Add(key);
        }

        all.AddRange(retired);
        keysById = all.GroupBy(KeyId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        v1Keys = [.. all];
    }

    /// <summary>No key: values pass through unchanged.</summary>
    public static FieldCipher None { get; } = new(null, []);

    public bool Enabled => current is not null;

    /// <summary>The cipher for one row's columns.</summary>
    public RowCipher For(string table, string partitionKey, string rowKey) => new(this, table, partitionKey, rowKey);

    /// <summary>A short public name of a key (HMAC of a fixed label), stored in each value so the right key is tried.</summary>
    public static string KeyId(byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, "rapidresponse/field-key-id"u8)[..4]);

    internal string? Seal(RowCipher row, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (current is not { } key)
        {
            return value.StartsWith(Marker, StringComparison.Ordinal) ? ClearMark + value : value;
        }

        var plain = Encoding.UTF8.GetBytes(value);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var sealedBytes = new byte[plain.Length + TagSize];
        using var aes = new AesGcm(key.Key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), AssociatedData(row, field));
        return $"{Prefix}{key.Id}:{Convert.ToBase64String(nonce)}:{Convert.ToBase64String(sealedBytes)}";
    }

    internal string? Open(RowCipher row, string field, string? stored)
    {
        if (stored is null || !stored.StartsWith(Marker, StringComparison.Ordinal))
        {
            return stored;
        }

        if (stored.StartsWith(ClearMark, StringComparison.Ordinal))
        {
            return stored[ClearMark.Length..];
        }

        if (v1Keys.Length == 0)
        {
            throw new UnreadableFieldException(row, field, "the value is encrypted, but RapidResponse:DataKey is not configured");
        }

        if (stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var parts = stored[Prefix.Length..].Split(':');
            if (parts.Length != 3)
            {
                throw new UnreadableFieldException(row, field, "the value is malformed");
            }

            if (!keysById.TryGetValue(parts[0], out var key))
            {
                throw new UnreadableFieldException(row, field, $"it was sealed under key {parts[0]}, which is neither the data key nor a retired one");
            }

            return Decrypt(row, field, key, parts[1], parts[2], AssociatedData(row, field))
                ?? throw new UnreadableFieldException(row, field, "it does not decrypt for this row and column: copied from another, or altered");
        }

        if (stored.StartsWith(V1Prefix, StringComparison.Ordinal))
        {
            var parts = stored[V1Prefix.Length..].Split(':');
            if (parts.Length == 2)
            {
                foreach (var key in v1Keys)
                {
                    if (Decrypt(row, field, key, parts[0], parts[1], V1Context) is { } plain)
                    {
                        return plain;
                    }
                }
            }

            throw new UnreadableFieldException(row, field, "a v1 value that decrypts under no configured key");
        }

        throw new UnreadableFieldException(row, field, "the value has an unknown format");
    }

    // Null when the tag does not verify (another row's value, another key, an altered byte).
    private static string? Decrypt(RowCipher row, string field, byte[] key, string nonceText, string sealedText, byte[] associatedData)
    {
        byte[] nonce, sealedBytes;
        try
        {
            nonce = Convert.FromBase64String(nonceText);
            sealedBytes = Convert.FromBase64String(sealedText);
        }
        catch (FormatException)
        {
            throw new UnreadableFieldException(row, field, "the value is malformed");
        }

        if (nonce.Length != NonceSize || sealedBytes.Length < TagSize)
        {
            throw new UnreadableFieldException(row, field, "the value is malformed");
        }

        var plainLength = sealedBytes.Length - TagSize;
        var plain = new byte[plainLength];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(nonce, sealedBytes.AsSpan(0, plainLength), sealedBytes.AsSpan(plainLength), plain, associatedData);
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    // Keys cannot hold control characters, so a line break separates the parts without ambiguity.
    private static byte[] AssociatedData(RowCipher row, string field) =>
        Encoding.UTF8.GetBytes($"rapidresponse/field/v2\n{row.Table}\n{row.PartitionKey}\n{row.RowKey}\n{field}");
}
