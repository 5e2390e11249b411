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
}
