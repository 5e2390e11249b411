using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Alerts;
using RapidResponse.Channels;
using RapidResponse.Channels.Email;
using RapidResponse.Channels.Sms;
using RapidResponse.Dispatch;
using RapidResponse.Statements;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

/// <summary>The Delivery row as the idempotency record of its send, against real Table Storage.</summary>
public sealed class DeliveryServiceTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 6, 0, TimeSpan.Zero));
    private readonly RecordingSms sms = new();

    [Fact]
    public async Task Deliver_SendsOnce_AndRecordsTheProviderId_EvenWhenTheMessageComesAgain()
    {
        var (service, store, message) = await SetUpAsync();

        await service.DeliverAsync(message, CancellationToken.None);
        await service.DeliverAsync(message, CancellationToken.None);

        Assert.Single(sms.Sent);
        var delivery = (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Equal("SM1", delivery.ProviderId);
        Assert.Equal([DeliveryState.Pending, DeliveryState.Sending, DeliveryState.Sent], delivery.History.Select(h => h.State));
    }

    [Fact]
    public async Task Deliver_RejectedForGood_IsFailedAndNotRetried()
    {
        var (service, store, message) = await SetUpAsync();
        sms.Next = _ => new SendOutcome.Rejected("21211", "invalid number");

        await service.DeliverAsync(message, CancellationToken.None);
        await service.DeliverAsync(message, CancellationToken.None);

        var delivery = (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Failed, delivery.State);
        Assert.Equal(1, sms.Calls);
    }

    [Fact]
    public async Task Deliver_ProviderCertainlyNotReached_ReleasesTheClaimAndThrowsForARetry()
    {
        var (service, store, message) = await SetUpAsync();
        sms.Next = _ => throw new ProviderUnavailableException("twilio", mayHaveReachedProvider: false, "down");

        await Assert.ThrowsAsync<ProviderUnavailableException>(() => service.DeliverAsync(message, CancellationToken.None));
        sms.Next = null;
        await service.DeliverAsync(message, CancellationToken.None);

        var delivery = (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Equal(2, delivery.Attempts);
    }

    [Fact]
    public async Task Deliver_UnknownOutcome_WaitsOutTheLease_ThenPrefersADuplicateOverALoss()
    {
        var (service, store, message) = await SetUpAsync();
        sms.Next = _ => throw new ProviderUnavailableException("twilio", mayHaveReachedProvider: true, "timed out after sending");

        await Assert.ThrowsAsync<ProviderUnavailableException>(() => service.DeliverAsync(message, CancellationToken.None));
        sms.Next = null;
        await Assert.ThrowsAsync<DeliveryBusyException>(() => service.DeliverAsync(message, CancellationToken.None));
        time.Advance(DeliveryService.SendingLease);
        await service.DeliverAsync(message, CancellationToken.None);

        var delivery = (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Equal(2, sms.Calls);
    }

    private async Task<(DeliveryService, AlertStore, DeliveryMessage)> SetUpAsync()
    {
        var store = new AlertStore(await SharedAzurite.NewTableAsync("alerts"));
        var alert = AlertStoreTests.Alert("a1");
        await store.CreateAsync(alert, new TimelineEntry(time.GetUtcNow(), "accepted", "Alert accepted"), CancellationToken.None);
        var delivery = AlertStoreTests.Delivery("a1", "KZ|c1|sms");
        await store.AddDeliveriesAsync([delivery], CancellationToken.None);
        var service = new DeliveryService(store, new FixedComposer(), sms, new UnusedEmail(), time, NullLogger<DeliveryService>.Instance);
        return (service, store, new DeliveryMessage("a1", delivery.Id));
    }

    private sealed class RecordingSms : ISmsSender
    {
        public List<SmsMessage> Sent { get; } = [];

        public int Calls { get; private set; }

        public Func<SmsMessage, SendOutcome>? Next { get; set; }

        public Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken cancellationToken)
        {
            Calls++;
            if (Next is { } next)
            {
                return Task.FromResult(next(message));
            }

            Sent.Add(message);
            return Task.FromResult<SendOutcome>(new SendOutcome.Accepted("SM" + Sent.Count));
        }
    }

    private sealed class UnusedEmail : IEmailSender
    {
        public Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No email in these tests.");
    }

    private sealed class FixedComposer : IAlertComposer
    {
        public SmsText ComposeSms(Alert alert, Recipient recipient) => new($"SMS for {recipient.Name}");

        public EmailText ComposeEmail(Alert alert, Recipient recipient) => new("s", "t", "h", []);
    }
}
