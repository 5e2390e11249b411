using RapidResponse.Channels.Email;
using RapidResponse.Channels.Sms;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;

namespace RapidResponse.Tests.Webhooks;

/// <summary>The monotonic rule and the provider status mapping, without storage.</summary>
public sealed class DeliveryTransitionsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 6, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DeliveryState.Pending, DeliveryState.Sent, true)]
    [InlineData(DeliveryState.Sending, DeliveryState.Sent, true)]
    [InlineData(DeliveryState.Sending, DeliveryState.Delivered, true)]
    [InlineData(DeliveryState.Sent, DeliveryState.Delivered, true)]
    [InlineData(DeliveryState.Sent, DeliveryState.Undeliverable, true)]
    [InlineData(DeliveryState.Sent, DeliveryState.Failed, true)]
    [InlineData(DeliveryState.Sent, DeliveryState.Sent, false)]
    [InlineData(DeliveryState.Delivered, DeliveryState.Sent, false)]
    [InlineData(DeliveryState.Delivered, DeliveryState.Delivered, false)]
    [InlineData(DeliveryState.Delivered, DeliveryState.Failed, false)]
    [InlineData(DeliveryState.Undeliverable, DeliveryState.Delivered, false)]
    [InlineData(DeliveryState.Failed, DeliveryState.Sending, false)]
    [InlineData(DeliveryState.Sent, DeliveryState.Pending, false)]
    [InlineData(DeliveryState.Sending, DeliveryState.Withdrawn, true)]
    [InlineData(DeliveryState.Withdrawn, DeliveryState.Sent, false)]
    [InlineData(DeliveryState.Withdrawn, DeliveryState.Delivered, false)]
    public void CanMoveTo_OnlyForward_AndOutcomesAreFinal(DeliveryState from, DeliveryState to, bool expected) =>
        Assert.Equal(expected, from.CanMoveTo(to));

    [Theory]
    [InlineData("delivered", DeliveryState.Delivered)]
    [InlineData("undelivered", DeliveryState.Undeliverable)]
    [InlineData("failed", DeliveryState.Failed)]
    [InlineData("sent", DeliveryState.Sent)]
    [InlineData("queued", DeliveryState.Sent)]
    [InlineData("Delivered", DeliveryState.Delivered)]
    [InlineData("receiving", null)]
    [InlineData(null, null)]
    public void Twilio_StatusMapsToState(string? status, DeliveryState? expected) =>
        Assert.Equal(expected, TwilioStatusCallback.StateFor(status));

    [Theory]
    [InlineData("delivered", DeliveryState.Delivered)]
    [InlineData("bounce", DeliveryState.Undeliverable)]
    [InlineData("dropped", DeliveryState.Failed)]
    [InlineData("processed", null)]
    [InlineData("deferred", null)]
    [InlineData("open", null)]
    [InlineData("click", null)]
    public void SendGrid_EventMapsToState(string name, DeliveryState? expected) =>
        Assert.Equal(expected, SendGridEvent.StateFor(name));

    [Fact]
    public void Advance_Delivered_AppendsHistoryAndKeepsTheProviderId()
    {
        var sent = NewDelivery(DeliveryState.Sent) with { ProviderId = "SM1" };

        var next = DeliveryFeedback.Advance(sent, Report(sent, DeliveryState.Delivered, "SM2"), At)!;

        Assert.Equal(DeliveryState.Delivered, next.State);
        Assert.Equal("SM1", next.ProviderId);
        Assert.Equal(new DeliveryStep(DeliveryState.Delivered, At), next.History[^1]);
        Assert.Equal(sent.History.Count + 1, next.History.Count);
    }

    [Fact]
    public void Advance_BeforeTheSenderRecordedSent_TakesTheProviderIdFromTheReport()
    {
        var sending = NewDelivery(DeliveryState.Sending);

        var next = DeliveryFeedback.Advance(sending, Report(sending, DeliveryState.Delivered, "SM9"), At)!;

        Assert.Equal("SM9", next.ProviderId);
    }

    [Fact]
    public void Advance_Failure_RecordsTheProviderError()
    {
        var sent = NewDelivery(DeliveryState.Sent);

        var next = DeliveryFeedback.Advance(sent, Report(sent, DeliveryState.Undeliverable, "SM1", "twilio undelivered (error 30003)"), At)!;

        Assert.Equal(DeliveryState.Undeliverable, next.State);
        Assert.Equal("twilio undelivered (error 30003)", next.Error);
    }

    [Theory]
    [InlineData(DeliveryState.Delivered, DeliveryState.Sent)]
    [InlineData(DeliveryState.Delivered, DeliveryState.Delivered)]
    [InlineData(DeliveryState.Undeliverable, DeliveryState.Delivered)]
    [InlineData(DeliveryState.Sent, DeliveryState.Sent)]
    public void Advance_SameOrEarlierState_ChangesNothing(DeliveryState current, DeliveryState reported)
    {
        var delivery = NewDelivery(current);

        Assert.Null(DeliveryFeedback.Advance(delivery, Report(delivery, reported, "SM1"), At));
    }

    [Fact]
    public void FailedEntry_NamesTheFirstNameRoleAndOutcome()
    {
        var delivery = NewDelivery(DeliveryState.Undeliverable);

        var entry = DeliveryFeedback.FailedEntry(delivery, At);

        Assert.Equal("SMS to Aigerim (lawyer) failed: undeliverable", entry.Text);
        Assert.Equal(At, entry.At);
    }

    [Fact]
    public void TwilioCallback_ToReport_SplitsTheReferenceAndKeepsTheErrorCode()
    {
        var report = new TwilioStatusCallback("alert1/KZ-SHY|c1|sms", "SM1", "undelivered", "30003").ToReport()!;

        Assert.Equal(new ProviderReport("alert1", "KZ-SHY|c1|sms", DeliveryState.Undeliverable, "SM1", "twilio undelivered (error 30003)"), report);
        Assert.Null(new TwilioStatusCallback("no-slash", "SM1", "delivered", null).ToReport());
        Assert.Null(new TwilioStatusCallback("a/b", "SM1", "receiving", null).ToReport());
    }

    [Fact]
    public void SendGridEvents_ParseCustomArgsAndKeepOnlyTheSenderMessageId()
    {
        var body = """
            [
              {"email":"ngo@example.org","timestamp":1700000000,"event":"bounce","type":"bounce","status":"5.1.1",
               "reason":"550 5.1.1 ngo@example.org does not exist","sg_message_id":"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
               "rr_ref":"alert1/INTL|c2|email"},
              {"event":"open","rr_ref":"alert1/INTL|c2|email"},
              "not an object"
            ]
            """u8.ToArray();

        var events = SendGridEvent.ParseAll(body)!;
        var report = events[0].ToReport()!;

        Assert.Equal(2, events.Count);
        Assert.Equal(new ProviderReport("alert1", "INTL|c2|email", DeliveryState.Undeliverable, "14c5d75ce93", "sendgrid bounce bounce 5.1.1"), report);
        Assert.DoesNotContain("@", report.Error, StringComparison.Ordinal);
        Assert.Null(events[1].ToReport());
        Assert.Null(SendGridEvent.ParseAll("""{"event":"delivered"}"""u8.ToArray()));
        Assert.Null(SendGridEvent.ParseAll("not json"u8.ToArray()));
    }

    internal static Delivery NewDelivery(DeliveryState state, Channel channel = Channel.Sms) => new(
        "alert1",
        Delivery.IdFor("KZ-SHY", "c1", channel),
        "c1",
        "KZ-SHY",
        "Aigerim Seitkali",
        ContactRole.Lawyer,
        channel,
        channel == Channel.Sms ? "+77011234567" : "aigerim@example.org",
        "ru",
        state,
        Attempts: 1,
        ProviderId: null,
        Error: null,
        At.AddMinutes(-1),
        SendingSince: null,
        [new DeliveryStep(DeliveryState.Pending, At.AddMinutes(-1)), new DeliveryStep(state, At.AddSeconds(-30))]);

    private static ProviderReport Report(Delivery delivery, DeliveryState state, string? providerId, string? error = null) =>
        new(delivery.AlertId, delivery.Id, state, providerId, error);
}
