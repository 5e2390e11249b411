using RapidResponse.Dispatch;

namespace RapidResponse.Tests.Webhooks;

/// <summary>DeliveryFeedback against real Table Storage: ETag conflicts between concurrent callbacks.</summary>
public sealed class DeliveryFeedbackTests
{
    [Fact]
    public async Task ConcurrentSameReports_MoveTheRowOnce_AndAddOneTimelineEntry()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Sms);
        var report = new ProviderReport(fixture.Delivery.AlertId, fixture.Delivery.Id, DeliveryState.Undeliverable, "SM-original", "twilio undelivered (error 30003)");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.Feedback.ApplyAsync(report, CancellationToken.None)));

        Assert.Single(outcomes, o => o == FeedbackOutcome.Applied);
        Assert.All(outcomes, o => Assert.NotEqual(FeedbackOutcome.Contended, o));
        var row = await fixture.ReadAsync();
        Assert.Single(row.History, h => h.State == DeliveryState.Undeliverable);
        Assert.Single(await fixture.TimelineAsync());
    }

    [Fact]
    public async Task BouncedEmail_FallsBackToTheContactsPhone_Once()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Email);
        await fixture.Fallback.Contacts.PutAsync(
            new RapidResponse.Contacts.Contact("c1", "KZ-SHY", "Aigerim Seitkali", RapidResponse.Contacts.ContactRole.Ngo, 1, "+77011234567", fixture.Delivery.Address, "ru", true),
            CancellationToken.None);
        var bounce = new ProviderReport(fixture.Delivery.AlertId, fixture.Delivery.Id, DeliveryState.Undeliverable, null, "sendgrid bounce");

        await fixture.Feedback.ApplyAsync(bounce, CancellationToken.None);
        await fixture.Feedback.ApplyAsync(bounce, CancellationToken.None);

        var sms = await fixture.Store.GetDeliveryAsync(fixture.Delivery.AlertId, DeliveryFallback.IdFor(fixture.Delivery, Channel.Sms), CancellationToken.None);
        Assert.NotNull(sms);
        Assert.Equal("+77011234567", sms.Address);
        Assert.Equal(DeliveryState.Pending, sms.State);
        var queued = (await fixture.Fallback.Queue.PeekMessagesAsync(32)).Value;
        Assert.Contains(queued, m => m.Body.ToString().Contains(sms.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConcurrentSentAndDelivered_EndDelivered_WhicheverWins()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Sms, DeliveryState.Sending);
        ProviderReport Report(DeliveryState state) => new(fixture.Delivery.AlertId, fixture.Delivery.Id, state, "SM-original", null);

        await Task.WhenAll(
            fixture.Feedback.ApplyAsync(Report(DeliveryState.Delivered), CancellationToken.None),
            fixture.Feedback.ApplyAsync(Report(DeliveryState.Sent), CancellationToken.None),
            fixture.Feedback.ApplyAsync(Report(DeliveryState.Sent), CancellationToken.None));

        var row = await fixture.ReadAsync();
        Assert.Equal(DeliveryState.Delivered, row.State);
        Assert.Empty(await fixture.TimelineAsync());
    }

    [Fact]
    public async Task UnknownDelivery_IsReportedAsUnknown()
    {
        var fixture = await WebhookFixture.CreateAsync(Channel.Sms);

        var outcome = await fixture.Feedback.ApplyAsync(
            new ProviderReport(fixture.Delivery.AlertId, "KZ-SHY|nobody|sms", DeliveryState.Delivered, null, null), CancellationToken.None);

        Assert.Equal(FeedbackOutcome.Unknown, outcome);
    }
}
