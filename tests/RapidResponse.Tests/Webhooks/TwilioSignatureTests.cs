using System.Security.Cryptography;
using System.Text;
using RapidResponse.Security;

namespace RapidResponse.Tests.Webhooks;

public sealed class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static readonly KeyValuePair<string, string>[] DocsParameters =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+14158675309"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
    ];

    [Fact]
    public void Compute_MatchesTwilioDocumentedExample()
    {
        // Twilio's published example (its "Secure webhooks" docs and the request validator tests of its SDKs).
        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioSignature.Compute(Token, Url, DocsParameters));
        Assert.True(TwilioSignature.IsValid(Token, Url, DocsParameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Fact]
    public void Compute_RepeatedNames_SortsAndDedupesTheirValues_AsTwilioSdksDo()
    {
        // The repeated-parameter vector of Twilio's SDK tests (twilio-php RequestValidatorTest): Digits=5678, 1234, 1234.
        KeyValuePair<string, string>[] repeated =
        [
            new("Sid", "CA123"), new("SidAccount", "AC123"), new("Digits", "5678"), new("Digits", "1234"), new("Digits", "1234"),
        ];

        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioSignature.Compute(Token, Url, repeated));
    }

    [Fact]
    public void Compute_IsHmacSha1OfUrlThenSortedNameValuePairs()
    {
        // Written out by hand from the definition: URL, then name+value for each parameter in ordinal name order.
        const string data = Url + "CallSidCA1234567890ABCDE" + "Caller+14158675309" + "Digits1234" + "From+14158675309" + "To+18005551212";
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Token), Encoding.UTF8.GetBytes(data)));

        Assert.Equal(expected, TwilioSignature.Compute(Token, Url, DocsParameters.Reverse()));
    }

    [Fact]
    public void Compute_AgreesWithTwilioSdkValidator()
    {
        var parameters = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM0123456789abcdef",
            ["MessageStatus"] = "undelivered",
            ["ErrorCode"] = "30003",
            ["Body"] = "Ünïcode & spaces = fine",
        };
        const string url = "https://rr.example.org/api/webhooks/twilio/status?ref=0190%2FKZ-SHY%7Cc1%7Csms";

        var signature = TwilioSignature.Compute("secret-token", url, parameters);

        Assert.True(new Twilio.Security.RequestValidator("secret-token").Validate(url, parameters, signature));
    }

    [Theory]
    [InlineData("kvajT1Ptam85bY51eRf/AJRuM3w=", "https://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("0ZXoZLH/DfblKGATFgpif+LLRf4=", "http://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8=", "https://mycompany.com:1234/myapp.php?foo=1&bar=2")]
    [InlineData("Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", "http://mycompany.com:1234/myapp.php?foo=1&bar=2")]
    public void IsValid_TriesThePortVariantsLikeTwilioSdks(string signature, string url)
    {
        // Twilio's SDK test vectors: signed with :443 / :80 added, or with the port left out.
        Assert.True(TwilioSignature.IsValid(Token, url, DocsParameters, signature));
    }

    [Theory]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2")]
    public void IsValid_AcceptsTheUrlWithOrWithoutItsDefaultPort(string signedUrl)
    {
        var signature = TwilioSignature.Compute(Token, signedUrl, DocsParameters);

        Assert.True(TwilioSignature.IsValid(Token, "https://mycompany.com/myapp.php?foo=1&bar=2", DocsParameters, signature));
        Assert.True(TwilioSignature.IsValid(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", DocsParameters, signature));
    }

    [Fact]
    public void IsValid_RejectsAnythingChanged()
    {
        var signature = TwilioSignature.Compute(Token, Url, DocsParameters);
        KeyValuePair<string, string>[] tampered = [.. DocsParameters[..^1], new("To", "+18005551213")];

        Assert.False(TwilioSignature.IsValid("54321", Url, DocsParameters, signature));
        Assert.False(TwilioSignature.IsValid(Token, Url + "&baz=3", DocsParameters, signature));
        Assert.False(TwilioSignature.IsValid(Token, "https://evil.example/myapp.php?foo=1&bar=2", DocsParameters, signature));
        Assert.False(TwilioSignature.IsValid(Token, Url, tampered, signature));
        Assert.False(TwilioSignature.IsValid(Token, Url, [.. DocsParameters, new("Extra", "1")], signature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void IsValid_RejectsMissingOrMalformedSignatures(string? signature) =>
        Assert.False(TwilioSignature.IsValid(Token, Url, DocsParameters, signature));
}
