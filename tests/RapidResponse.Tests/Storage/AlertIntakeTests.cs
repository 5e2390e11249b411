using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.Organizers;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

/// <summary>Durable accept: 202 only after the alert row and the queue message are both written.</summary>
public sealed class AlertIntakeTests
{
    private static readonly IOptions<RapidResponseOptions> Options = Microsoft.Extensions.Options.Options.Create(
        new RapidResponseOptions { AdminKey = "admin-key-of-at-least-24-chars", PublicBaseUrl = new Uri("https://rr.example.org") });

    private static readonly Organizer Organizer = new("org1", "Zhanar", ["KZ-SHY"], null, "ru", "hash", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task EnqueueFailure_Is503WithRetryAfter_AndARetryWithTheSameKeyRaisesTheSameAlert()
    {
        var (intake, queues, alertsTable) = await SetUpAsync();
        var press = new PanicRequest(null, "detention", null, "Both organisers taken", null, null, null, null, null);
        await queues.GetQueueClient(QueueNames.Alerts).DeleteIfExistsAsync();

        // The alerts queue is missing: storage refuses the message.
        var failed = await intake.RaiseAsync(Organizer, press, "key-1", CancellationToken.None);

        Assert.Equal(503, failed.Problem!.Status);
        Assert.Equal(AlertIntake.RetryAfter, failed.Problem.RetryAfter);

        await queues.GetQueueClient(QueueNames.Alerts).CreateIfNotExistsAsync();
        var retried = await intake.RaiseAsync(Organizer, press, "key-1", CancellationToken.None);
        var repeated = await intake.RaiseAsync(Organizer, press, "key-1", CancellationToken.None);

        Assert.True(retried.IsOk);
        Assert.Equal(retried.Value!.AlertId, repeated.Value!.AlertId);
        Assert.Equal(new Uri($"https://rr.example.org/api/alerts/{retried.Value.AlertId}"), retried.Value.StatusUrl);
        Assert.NotNull(await new AlertStore(alertsTable).GetAsync(retried.Value.AlertId, CancellationToken.None));
        var messages = (await queues.GetQueueClient(QueueNames.Alerts).PeekMessagesAsync(32)).Value;
        Assert.Contains(messages, m => m.Body.ToString().Contains(retried.Value.AlertId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TableFailure_Is503EvenThoughTheMessageWentOut_AndARetryWithTheSameKeyStoresTheSameAlert()
    {
        var (intake, queues, alertsTable) = await SetUpAsync();
        await queues.GetQueueClient(QueueNames.Alerts).CreateIfNotExistsAsync();
        var press = new PanicRequest(null, "attack", null, "Thirty men at the door", null, null, null, null, null);

        // The alerts table is missing: the row is refused while the message (written at the same time) goes out.
        await alertsTable.DeleteAsync();
        var failed = await intake.RaiseAsync(Organizer, press, "key-2", CancellationToken.None);

        Assert.Equal(503, failed.Problem!.Status);

        await alertsTable.CreateIfNotExistsAsync();
        var retried = await intake.RaiseAsync(Organizer, press, "key-2", CancellationToken.None);

        Assert.True(retried.IsOk);
        Assert.NotNull(await new AlertStore(alertsTable).GetAsync(retried.Value!.AlertId, CancellationToken.None));
    }

    private static async Task<(AlertIntake Intake, QueueServiceClient Queues, TableClient AlertsTable)> SetUpAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 5, 0, TimeSpan.Zero));
        var queues = new QueueServiceClient(await SharedAzurite.ConnectionStringAsync(), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var alertsTable = await SharedAzurite.NewTableAsync("alerts");
        var intake = new AlertIntake(
            new AlertStore(alertsTable),
            new AlertQueue(queues),
            new PendingWork(await SharedAzurite.NewTableAsync("pending"), time),
            new PressIdempotency(new IdempotencyStore(await SharedAzurite.NewTableAsync("idem")), time),
            new RapidResponse.Security.ActionLimiter(await SharedAzurite.NewTableAsync("limits"), Options, time),
            Options,
            time,
            NullLogger<AlertIntake>.Instance);
        return (intake, queues, alertsTable);
    }
}
