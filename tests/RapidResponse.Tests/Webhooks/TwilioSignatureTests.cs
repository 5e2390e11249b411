using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

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
    public void TheTestSigner_MatchesTwilioDocumentedExample()
    {
        // Twilio's published example (its "Secure webhooks" docs and the request validator tests of its SDKs).
        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioSigner.Sign(Token, Url, DocsParameters));
        Assert.True(TwilioSignature.IsValid(Token, Url, DocsParameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Fact]
    public void IsValid_RefusesANameRepeatedWithAnotherValue()
    {
        // Twilio's messaging webhooks never repeat a name; the SDK validator's dictionary could not say which was signed.
        KeyValuePair<string, string>[] repeated = [.. DocsParameters, new("Digits", "5678")];

        Assert.False(TwilioSignature.IsValid(Token, Url, repeated, TwilioSigner.Sign(Token, Url, repeated)));
        Assert.True(TwilioSignature.IsValid(Token, Url, [.. DocsParameters, DocsParameters[2]], TwilioSigner.Sign(Token, Url, DocsParameters)));
    }

    [Theory]
    [InlineData("https", "https://rr.example.org/api/webhooks/twilio/inbound?x=1")]
    [InlineData("http", "http://rr.example.org/api/webhooks/twilio/inbound?x=1")]
    public void SignedUrls_AreThePublicUrl_AndItWithTheSchemeAProxyForwarded(string forwardedProto, string signedUrl)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("10.0.0.4:7071"); // the instance's own address behind the front end
        context.Request.Path = "/api/webhooks/twilio/inbound";
        context.Request.QueryString = new QueryString("?x=1");
        context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;

        var urls = TwilioSignature.SignedUrls(context.Request, new Uri("https://rr.example.org/"));

        Assert.Equal("https://rr.example.org/api/webhooks/twilio/inbound?x=1", urls[0]);
        Assert.True(TwilioSignature.IsValid(Token, urls, DocsParameters, TwilioSigner.Sign(Token, signedUrl, DocsParameters)));
        Assert.False(TwilioSignature.IsValid(Token, urls, DocsParameters, TwilioSigner.Sign(Token, "http://10.0.0.4:7071/api/webhooks/twilio/inbound?x=1", DocsParameters)));
    }

    [Fact]
    public void TheTestSigner_IsHmacSha1OfUrlThenSortedNameValuePairs()
    {
        // Written out by hand from the definition: URL, then name+value for each parameter in ordinal name order.
        const string data = Url + "CallSidCA1234567890ABCDE" + "Caller+14158675309" + "Digits1234" + "From+14158675309" + "To+18005551212";
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Token), Encoding.UTF8.GetBytes(data)));

        Assert.Equal(expected, TwilioSigner.Sign(Token, Url, DocsParameters.Reverse()));
    }

    [Fact]
    public void TheTestSigner_AgreesWithTwilioSdkValidator()
    {
        var parameters = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM0123456789abcdef",
            ["MessageStatus"] = "undelivered",
            ["ErrorCode"] = "30003",
            ["Body"] = "Ünïcode & spaces = fine",
        };
        const string url = "https://rr.example.org/api/webhooks/twilio/status?ref=0190%2FKZ-SHY%7Cc1%7Csms";

        var signature = TwilioSigner.Sign("secret-token", url, parameters);

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
        var signature = TwilioSigner.Sign(Token, signedUrl, DocsParameters);

        // The service's own URL never names the default port (it is built from a Uri's AbsoluteUri).
        Assert.True(TwilioSignature.IsValid(Token, "https://mycompany.com/myapp.php?foo=1&bar=2", DocsParameters, signature));
    }

    [Fact]
    public void IsValid_RejectsAnythingChanged()
    {
        var signature = TwilioSigner.Sign(Token, Url, DocsParameters);
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
