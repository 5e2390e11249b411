using System.Xml.Linq;
using RapidResponse.Channels.Voice;
using RapidResponse.Dispatch;
using RapidResponse.Recipients;
using RapidResponse.Statements;
using RapidResponse.Tests.Storage;

namespace RapidResponse.Tests.Unit;

public sealed class VoiceTwimlTests
{
    private static readonly Uri Action = new("https://rr.example.org/api/webhooks/twilio/voice/gather?ref=a1%2Fd1");

    [Fact]
    public void Alert_IsReadTwiceInsideAOneKeyGather_ThenThePrompt_ThenGoodbye()
    {
        var texts = CallTexts.For("ru");
        var twiml = XElement.Parse(VoiceTwiml.Alert(texts, texts.Alert(AlertStoreTests.Alert("a1b2c3d4")), Action));

        var gather = twiml.Element("Gather")!;
        Assert.Equal(("1", Action.AbsoluteUri, "POST"), (gather.Attribute("numDigits")!.Value, gather.Attribute("action")!.Value, gather.Attribute("method")!.Value));
        var says = gather.Elements("Say").Select(s => s.Value).ToList();
        Assert.Equal(3, says.Count);
        Assert.All(says.Take(2), s => Assert.Contains("задержание. Под угрозой: Zhanar S., Gulzada S.. Где: Community centre", s, StringComparison.Ordinal));
        Assert.StartsWith("Повторяю.", says[1], StringComparison.Ordinal);
        Assert.Equal("Нажмите 1, если вы откликаетесь. Нажмите 2, если не можете.", says[2]);
        Assert.All(twiml.Descendants("Say"), s => Assert.Equal(("ru-RU", "Polly.Tatyana"), (s.Attribute("language")!.Value, s.Attribute("voice")!.Value)));
        Assert.NotNull(twiml.Element("Hangup"));
    }

    [Fact]
    public void KazakhContacts_HearRussian_EnglishContactsEnglish()
    {
        Assert.Equal("ru-RU", CallTexts.For("kk").Language);
        Assert.Equal("en-US", CallTexts.For("en").Language);
    }

    [Fact]
    public void SilentAndDuressAlerts_SayWhatTheSmsSays()
    {
        var alert = AlertStoreTests.Alert("a1b2c3d4");

        Assert.StartsWith("SILENT, do not call or text the organiser. RapidResponse", CallTexts.For("en").Alert(alert with { Silent = true }), StringComparison.Ordinal);
        Assert.StartsWith("DURESS SIGNAL. RapidResponse", CallTexts.For("en").Alert(alert with { DuressAt = DateTimeOffset.UnixEpoch }), StringComparison.Ordinal);
        Assert.StartsWith("RapidResponse emergency alert, reference B 2 C 3 D 4. ", CallTexts.For("en").Alert(alert), StringComparison.Ordinal);
    }

    [Fact]
    public void TheAlertsOwnWords_AreEscaped()
    {
        var texts = CallTexts.For("en");
        var alert = AlertStoreTests.Alert("a1b2c3d4") with { Message = "</Say><Dial>+70000000000</Dial>" };

        var twiml = XElement.Parse(VoiceTwiml.Alert(texts, texts.Alert(alert), Action));

        Assert.Empty(twiml.Descendants("Dial"));
        Assert.Contains("</Say><Dial>", twiml.Element("Gather")!.Elements("Say").First().Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ringing", null, "ringing")]
    [InlineData("in-progress", "human", "answered")]
    [InlineData("in-progress", "machine_start", "answered by a machine")]
    [InlineData("no-answer", null, "no answer")]
    [InlineData("completed", null, "completed")]
    [InlineData("initiated", null, null)]
    public void CallStatuses_HaveTimelineWords(string status, string? answeredBy, string? words) =>
        Assert.Equal(words, CallAnswers.Words(status, answeredBy));

    [Theory]
    [InlineData("completed", "human", DeliveryState.Delivered)]
    [InlineData("completed", null, DeliveryState.Delivered)]
    [InlineData("completed", "machine_end_beep", DeliveryState.Failed)]
    [InlineData("no-answer", null, DeliveryState.Failed)]
    [InlineData("busy", null, DeliveryState.Failed)]
    [InlineData("canceled", null, DeliveryState.Failed)]
    [InlineData("in-progress", "human", null)]
    [InlineData("ringing", null, null)]
    public void CallsEnd_DeliveredWhenAnswered_FailedWhenNot(string status, string? answeredBy, DeliveryState? expected) =>
        Assert.Equal(expected, CallAnswers.Outcome(status, answeredBy));
}
