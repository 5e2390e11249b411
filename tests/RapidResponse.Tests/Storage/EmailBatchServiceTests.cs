using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Alerts;
using RapidResponse.Channels;
using RapidResponse.Channels.Email;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Statements;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

/// <summary>NGO emails with the same body go out as one request, yet each recipient's row keeps its own state.</summary>
public sealed class EmailBatchServiceTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 6, 0, TimeSpan.Zero));
    private readonly RecordingEmail email = new();
    private TestFallback fallback = null!;

    [Fact]
    public async Task Batch_IsOneRequestWithEachRecipientsNameAndReference_AndIsNeverSentTwice()
    {
        var (service, store, ids) = await SetUpAsync(ngos: 3);

        await service.DeliverAsync("a1", ids, early: false, CancellationToken.None);
        await service.DeliverAsync("a1", ids, early: false, CancellationToken.None);

        var batch = Assert.Single(email.Batches);
        Assert.Equal(["ngo0@example.org", "ngo1@example.org", "ngo2@example.org"], batch.Recipients.Select(r => r.To));
        Assert.Equal(["NGO 0", "NGO 1", "NGO 2"], batch.Recipients.Select(r => r.Name));
        Assert.Equal(ids.Select(id => "a1/" + id), batch.Recipients.Select(r => r.Reference));
        Assert.Contains(EmailBatch.NamePlaceholder, batch.Content.Text, StringComparison.Ordinal);
        foreach (var id in ids)
        {
            var row = (await store.GetDeliveryAsync("a1", id, CancellationToken.None))!;
            Assert.Equal((DeliveryState.Sent, "EMB1"), (row.State, row.ProviderId));
        }
    }

    [Fact]
    public async Task Batch_SkipsRowsAlreadySent_AndReleasesAllWhenTheProviderIsDown()
    {
        var (service, store, ids) = await SetUpAsync(ngos: 3);
        var first = (await store.GetDeliveryAsync("a1", ids[0], CancellationToken.None))!;
        await store.TryUpdateDeliveryAsync(first.MoveTo(DeliveryState.Sent, time.GetUtcNow()), CancellationToken.None);
        email.Next = () => throw new ProviderUnavailableException("sendgrid", mayHaveReachedProvider: false, "down");

        await service.DeliverAsync("a1", ids, early: false, CancellationToken.None);
        email.Next = null;
        await service.DeliverAsync("a1", ids, early: false, CancellationToken.None);

        Assert.Equal(2, email.Batches.Count);
        Assert.All(email.Batches, b => Assert.Equal(["ngo1@example.org", "ngo2@example.org"], b.Recipients.Select(r => r.To)));
        Assert.Equal(2, (await store.GetDeliveryAsync("a1", ids[1], CancellationToken.None))!.Attempts);
    }

    [Fact]
    public async Task OneRejectedAddress_FailsOnlyItsRecipient_TheOthersAreSentOnTheirOwn()
    {
        var (service, store, ids) = await SetUpAsync(ngos: 3);
        email.Next = () => email.Sent.Count == 0 || email.Sent[^1].To == "ngo1@example.org"
            ? new SendOutcome.Rejected("400", "invalid address")
            : new SendOutcome.Accepted("EM" + email.Sent.Count);

        await service.DeliverAsync("a1", ids, early: false, CancellationToken.None);

        Assert.Single(email.Batches);
        Assert.Equal(["ngo0@example.org", "ngo1@example.org", "ngo2@example.org"], email.Sent.Select(m => m.To));
        Assert.All(email.Sent, m => Assert.Equal($"Dear {m.ToName},", m.Content.Text));
        var states = new List<DeliveryState>();
        foreach (var id in ids)
        {
            states.Add((await store.GetDeliveryAsync("a1", id, CancellationToken.None))!.State);
        }

        Assert.Equal([DeliveryState.Sent, DeliveryState.Failed, DeliveryState.Sent], states);
    }

    [Fact]
    public async Task Batch_ProviderOut_EachNgosSmsGoesAtTheFirstFailure()
    {
        var (service, store, ids) = await SetUpAsync(ngos: 2);
        await fallback.Contacts.PutManyAsync(
            [.. Enumerable.Range(0, 2).Select(i => new Contact($"ngo{i}", "KZ", $"NGO {i}", ContactRole.Ngo, 1, $"+7701123456{i}", $"ngo{i}@example.org", "en", true))],
            CancellationToken.None);
        email.Next = () => throw new ProviderUnavailableException("sendgrid", mayHaveReachedProvider: false, "SendGrid answered 503");

        await service.DeliverAsync("a1", ids, early: false, CancellationToken.None);

        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var held = (await store.GetDeliveryAsync("a1", id, CancellationToken.None))!;
            Assert.Equal(DeliveryState.Pending, held.State);
            Assert.Equal($"+7701123456{i}", (await store.GetDeliveryAsync("a1", DeliveryFallback.IdFor(held, Channel.Sms), CancellationToken.None))!.Address);
        }
    }

    [Fact]
    public async Task OneByOne_ProviderOutMidway_HoldsTheRestWithTheGrowingBackOff_AndParksNothing()
    {
        var (service, store, ids) = await SetUpAsync(ngos: 3);
        // The batch is rejected (one bad address), so each is sent alone; SendGrid goes down after the first.
        email.Next = () => email.Sent.Count switch
        {
            0 => new SendOutcome.Rejected("400", "invalid address"),
            1 => new SendOutcome.Accepted("EM1"),
            _ => throw new ProviderUnavailableException("sendgrid", mayHaveReachedProvider: false, "SendGrid answered 503"),
        };

        // Held, not thrown: a throw would spend a dequeue count per try and park the batch within minutes.
        await service.DeliverAsync("a1", ids, early: false, CancellationToken.None);

        Assert.Equal(DeliveryState.Sent, (await store.GetDeliveryAsync("a1", ids[0], CancellationToken.None))!.State);
        foreach (var id in ids[1..])
        {
            var held = (await store.GetDeliveryAsync("a1", id, CancellationToken.None))!;
            Assert.Equal((DeliveryState.Pending, 1, time.GetUtcNow() + RetryBackoff.First), (held.State, held.Failures, held.RetryAt));
        }

        // One batch message comes back after the wait (hidden until then), naming every id of the batch.
        Assert.Empty((await fallback.Queue.PeekMessagesAsync(32)).Value);
        Assert.Equal(1, (await fallback.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private async Task<(EmailBatchService, AlertStore, string[])> SetUpAsync(int ngos)
    {
        var store = new AlertStore(await SharedAzurite.NewTableAsync("alerts"));
        await store.CreateAsync(AlertStoreTests.Alert("a1"), new TimelineEntry(time.GetUtcNow(), "accepted", "Alert accepted"), CancellationToken.None);
        var deliveries = Enumerable.Range(0, ngos).Select(i => AlertStoreTests.Delivery("a1", $"KZ|ngo{i}|email") with
        {
            ContactId = $"ngo{i}",
            RecipientName = $"NGO {i}",
            Role = ContactRole.Ngo,
            Channel = Channel.Email,
            Address = $"ngo{i}@example.org",
        }).ToList();
        await store.AddDeliveriesAsync(deliveries, CancellationToken.None);
        fallback = await TestFallback.CreateAsync(store, time);
        var outages = await TestOutages.CreateAsync(new NoSms(), email, time);
        var service = new EmailBatchService(store, new ComposerContent(new NamedComposer()), email, fallback.Fallback, outages, new DeliveryQueue(fallback.Queue), TestOptions, time, NullLogger<EmailBatchService>.Instance);
        return (service, store, deliveries.Select(d => d.Id).ToArray());
    }

    private static readonly Microsoft.Extensions.Options.IOptions<RapidResponseOptions> TestOptions =
        Microsoft.Extensions.Options.Options.Create(new RapidResponseOptions { AdminKey = new string('k', 32), PublicBaseUrl = new Uri("https://rr.example.org") });

    private sealed class NamedComposer : IAlertComposer
    {
        public SmsText ComposeSms(Alert alert, Recipient recipient) => new("sms");

        public EmailText ComposeEmail(Alert alert, Recipient recipient) => new("s", $"Dear {recipient.Name},", $"<p>Dear {recipient.Name},</p>", []);
    }

    private sealed class NoSms : RapidResponse.Channels.Sms.ISmsSender
    {
        public Task<SendOutcome> SendAsync(RapidResponse.Channels.Sms.SmsMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No SMS in an email batch test.");

        public Task<string?> FindSentAsync(RapidResponse.Channels.Sms.SmsMessage message, DateTimeOffset since, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No SMS in an email batch test.");
    }
}
