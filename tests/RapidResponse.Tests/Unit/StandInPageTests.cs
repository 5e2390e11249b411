using RapidResponse.LocalHost.StandIns;

namespace RapidResponse.Tests.Unit;

public sealed class StandInPageTests
{
    [Fact]
    public void Render_NeverShowsAFullPhoneNumber_NotEvenInsideAnSmsBody()
    {
        var recorder = new StandInRecorder();
        recorder.Add(new RecordedSms(
            "SM1", "AC1", null, "+77011234567", "+15005550006", null,
            "RapidResponse ATTACK. The organiser can be called on +77470001122. Reply YES.", null, null, DateTimeOffset.UnixEpoch));

        var page = StandInPage.Render(recorder);

        Assert.DoesNotContain("+77011234567", page, StringComparison.Ordinal);
        Assert.DoesNotContain("77470001122", page, StringComparison.Ordinal);
        Assert.Contains("+774••••••22", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ListsCallsAndWhatsApp_WithTheirNumbersMasked()
    {
        var recorder = new StandInRecorder();
        recorder.Add(new RecordedCall("CA1", "AC1", "+77011234567", "+15005550006", "https://rr.example.org/api/webhooks/twilio/voice?ref=a%2Fd", null, "Enable", DateTimeOffset.UnixEpoch));
        recorder.Add(new RecordedSms(
            "SM2", "AC1", null, "whatsapp:+77019876543", "whatsapp:+15005550006", null, "", null, null, DateTimeOffset.UnixEpoch,
            "HX00000000000000000000000000000ru", """{"1":"RapidResponse 7F3K2Q","3":"call +77470001122"}"""));

        var page = StandInPage.Render(recorder);

        Assert.Contains("Calls (1)", page, StringComparison.Ordinal);
        Assert.Contains("WhatsApp to whatsapp:", page, StringComparison.Ordinal);
        Assert.Contains("HX00000000000000000000000000000ru", page, StringComparison.Ordinal);
        Assert.DoesNotContain("77011234567", page, StringComparison.Ordinal);
        Assert.DoesNotContain("77019876543", page, StringComparison.Ordinal);
        Assert.DoesNotContain("77470001122", page, StringComparison.Ordinal);
    }
}
