using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RapidResponse.Security;

/// <summary>What a check of a signed SendGrid event webhook request found.</summary>
public enum SendGridVerdict
{
    Valid,
    BadSignature,
    Stale,
}

/// <summary>
/// SendGrid's signed event webhook: an ECDSA P-256 signature (base64, DER) over SHA-256 of the timestamp header
/// followed by the raw body bytes, under the public key shown in SendGrid's settings (base64 DER SubjectPublicKeyInfo).
/// </summary>
public static class SendGridSignature
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>How far the signed timestamp may be from now, either way: a captured request cannot be replayed later.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>The key's DER bytes, or null when the configured value is not a P-256 public key.</summary>
    public static byte[]? ParsePublicKey(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        try
        {
            using var key = ECDsa.Create();
            if (configured.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(configured);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(configured.Trim()), out _);
            }

            return key.KeySize == 256 ? key.ExportSubjectPublicKeyInfo() : null;
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    public static SendGridVerdict Verify(
        ReadOnlySpan<byte> publicKey, string timestamp, ReadOnlySpan<byte> body, string signature, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !TrySignatureBytes(signature, out var signatureBytes))
        {
            return SendGridVerdict.BadSignature;
        }

        var payload = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, payload);
        body.CopyTo(payload.AsSpan(written));

        // A new key object per call: ECDsa instances are not documented as safe for concurrent use.
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(publicKey, out _);
        if (!key.VerifyData(payload, signatureBytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
        {
            return SendGridVerdict.BadSignature;
        }

        // Checked after the signature, so only a genuine (but old) request is called stale.
        var signedAt = seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MaxValue;
        return (now - signedAt).Duration() <= Window ? SendGridVerdict.Valid : SendGridVerdict.Stale;
    }

    private static bool TrySignatureBytes(string signature, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(signature.Trim());
            return bytes.Length > 0;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
