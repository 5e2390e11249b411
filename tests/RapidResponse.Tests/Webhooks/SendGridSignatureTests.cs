using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RapidResponse.Security;

namespace RapidResponse.Tests.Webhooks;

public sealed class SendGridSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 6, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""[{"event":"delivered","rr_ref":"a/b"}]""");

    [Fact]
    public void Verify_AcceptsAFreshSignatureOverTimestampAndBody()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var timestamp = Unix(Now);

        var verdict = SendGridSignature.Verify(PublicKey(key), timestamp, Body, Sign(key, timestamp, Body), Now);

        Assert.Equal(SendGridVerdict.Valid, verdict);
    }

    [Fact]
    public void Verify_RejectsATamperedBody()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var timestamp = Unix(Now);
        var signature = Sign(key, timestamp, Body);
        var tampered = Encoding.UTF8.GetBytes("""[{"event":"delivered","rr_ref":"a/c"}]""");

        Assert.Equal(SendGridVerdict.BadSignature, SendGridSignature.Verify(PublicKey(key), timestamp, tampered, signature, Now));
    }

    [Fact]
    public void Verify_RejectsATamperedTimestamp()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = Sign(key, Unix(Now), Body);

        Assert.Equal(SendGridVerdict.BadSignature, SendGridSignature.Verify(PublicKey(key), Unix(Now.AddSeconds(1)), Body, signature, Now));
    }

    [Fact]
    public void Verify_RejectsASignatureByAnotherKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var timestamp = Unix(Now);

        Assert.Equal(SendGridVerdict.BadSignature, SendGridSignature.Verify(PublicKey(key), timestamp, Body, Sign(other, timestamp, Body), Now));
    }

    [Theory]
    [InlineData(-301, SendGridVerdict.Stale)]
    [InlineData(-299, SendGridVerdict.Valid)]
    [InlineData(299, SendGridVerdict.Valid)]
    [InlineData(301, SendGridVerdict.Stale)]
    public void Verify_AcceptsOnlyTimestampsWithinFiveMinutes(int offsetSeconds, SendGridVerdict expected)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var timestamp = Unix(Now.AddSeconds(offsetSeconds));

        Assert.Equal(expected, SendGridSignature.Verify(PublicKey(key), timestamp, Body, Sign(key, timestamp, Body), Now));
    }

    [Theory]
    [InlineData("not-a-number", "AAAA")]
    [InlineData("-5", "AAAA")]
    [InlineData("1700000000", "not base64!")]
    [InlineData("1700000000", "AAAA")]
    public void Verify_RejectsMalformedHeaders(string timestamp, string signature)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal(SendGridVerdict.BadSignature, SendGridSignature.Verify(PublicKey(key), timestamp, Body, signature, Now));
    }

    [Fact]
    public void ParsePublicKey_TakesBase64DerOrPem_AndRefusesOtherCurvesAndJunk()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Equal(PublicKey(key), SendGridSignature.ParsePublicKey(Convert.ToBase64String(PublicKey(key))));
        Assert.Equal(PublicKey(key), SendGridSignature.ParsePublicKey(key.ExportSubjectPublicKeyInfoPem()));
        Assert.Null(SendGridSignature.ParsePublicKey(Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo())));
        Assert.Null(SendGridSignature.ParsePublicKey("not a key"));
        Assert.Null(SendGridSignature.ParsePublicKey(""));
        Assert.Null(SendGridSignature.ParsePublicKey(null));
    }

    internal static byte[] PublicKey(ECDsa key) => key.ExportSubjectPublicKeyInfo();

    internal static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Signs as SendGrid does: ECDSA P-256 over SHA-256 of timestamp + body, DER, base64.</summary>
    internal static string Sign(ECDsa key, string timestamp, byte[] body) =>
        Convert.ToBase64String(key.SignData(
            [.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
}
