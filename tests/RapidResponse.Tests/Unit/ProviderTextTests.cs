using RapidResponse.Channels;
using RapidResponse.Security;

namespace RapidResponse.Tests.Unit;

/// <summary>Provider texts as Twilio and SendGrid write them, masked before they are stored or logged.</summary>
public sealed class ProviderTextTests
{
    [Theory]
    [InlineData("The 'To' number +77011234567 is not a valid phone number.", "+77011234567")]
    [InlineData("Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +7 701 123 4567.", "701 123 4567")]
    [InlineData("Attempt to send to unsubscribed recipient +15558675310", "5558675310")]
    [InlineData("The email address aigerim.n@example.org is not valid (personalizations.0.to.0.email)", "aigerim.n@example.org")]
    [InlineData("{\"errors\":[{\"message\":\"Invalid email: 'lawyer@ngo.example.kz'\",\"field\":\"personalizations.0.to\"}]}", "lawyer@ngo.example.kz")]
    public void Mask_HidesNumbersAndAddresses(string providerText, string secret)
    {
        var masked = Pii.MaskText(providerText);

        Assert.DoesNotContain(secret, masked, StringComparison.Ordinal);
        Assert.Contains("•", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_KeepsErrorCodesAndStatuses()
    {
        Assert.Equal("Twilio answered 503 (code 20500) on 2026-12-01", Pii.MaskText("Twilio answered 503 (code 20500) on 2026-12-01"));
    }
}

/// <summary>The Twilio adapter answered with Twilio's real error body: what it returns to be stored carries no number.</summary>
public sealed class TwilioRejectionTextTests
{
    [Fact]
    public async Task Rejected_ReasonIsMasked()
    {
        const string body = """{"code": 21211, "message": "The 'To' number +77011234567 is not a valid phone number.", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""";
        using var http = new HttpClient(new Answer(body, System.Net.HttpStatusCode.BadRequest));
        var sender = new RapidResponse.Channels.Sms.TwilioSmsSender(
            http,
            Microsoft.Extensions.Options.Options.Create(new RapidResponse.Channels.Sms.TwilioOptions { AccountSid = "AC00000000000000000000000000000000", AuthToken = "token", FromNumber = "+15005550006" }),
            Microsoft.Extensions.Options.Options.Create(new RapidResponseOptions { AdminKey = new string('k', 32), PublicBaseUrl = new Uri("https://rr.example.org") }));

        var outcome = await sender.SendAsync(new RapidResponse.Channels.Sms.SmsMessage("+77011234567", "text", "a1/d1"), CancellationToken.None);

        var rejected = Assert.IsType<SendOutcome.Rejected>(outcome);
        Assert.Equal("21211", rejected.Code);
        Assert.DoesNotContain("77011234567", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("is not a valid phone number", rejected.Reason, StringComparison.Ordinal);
    }

    private sealed class Answer(string body, System.Net.HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
    }
}
