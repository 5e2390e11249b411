using RapidResponse.Channels.Sms;

namespace RapidResponse.Tests.Unit;

/// <summary>Which Twilio refusals are the recipient's (final for that number) and which are our account's (an outage).</summary>
public sealed class TwilioErrorsTests
{
    [Theory]
    [InlineData(401, 20003)] // rotated token
    [InlineData(403, 20005)] // suspended account
    [InlineData(400, 21408)] // no geo-permission for the region
    [InlineData(400, 21606)] // the From number cannot send SMS
    public void AccountRefusals_AreAccountLevel(int status, int code) => Assert.True(TwilioErrors.IsAccountLevel(status, code));

    [Theory]
    [InlineData(400, 21211)] // invalid To number
    [InlineData(400, 21610)] // the recipient replied STOP
    [InlineData(400, 21614)] // not a mobile number
    [InlineData(400, 21612)] // cannot route to this number
    public void RecipientRefusals_AreNot(int status, int code) => Assert.False(TwilioErrors.IsAccountLevel(status, code));
}
