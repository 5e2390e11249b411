using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Retention;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Retention;

/// <summary>The purge against Azurite, on a fake clock: old alerts go whole, recent ones stay whole.</summary>
public sealed class RetentionPurgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Purge_RemovesAlertsAndIdempotencyRowsPastRetention_AndKeepsRecentOnes()
    {
        var time = new FakeTimeProvider(Now);
        var alerts = await SharedAzurite.NewTableAsync("alerts");
        var idempotency = await SharedAzurite.NewTableAsync("idem");
        var old = await AddAlertAsync(alerts, Now.AddDays(-91), deliveries: 230);
        var older = await AddAlertAsync(alerts, Now.AddDays(-400), deliveries: 2);
        var recent = await AddAlertAsync(alerts, Now.AddDays(-89), deliveries: 3);
        await AddKeyAsync(idempotency, "org1", "old-key", Now.AddDays(-91));
        await AddKeyAsync(idempotency, "org1", "recent-key", Now.AddDays(-1));
        for (var i = 0; i < 120; i++)
        {
            await AddKeyAsync(idempotency, "org2", $"k{i:D3}", Now.AddDays(-200));
        }

        var result = await Purge(alerts, idempotency, time).PurgeAsync(CancellationToken.None);

        Assert.Equal(2, result.Alerts);
        Assert.Equal((1 + 230 + 2) + (1 + 2 + 2), result.AlertRows);
        Assert.Equal(121, result.IdempotencyRows);
        Assert.Empty(await RowsAsync(alerts, old));
        Assert.Empty(await RowsAsync(alerts, older));
        Assert.Equal(1 + 3 + 2, (await RowsAsync(alerts, recent)).Count);
        Assert.Equal(["recent-key"], (await AllAsync(idempotency)).Select(r => r.RowKey));
    }

    [Fact]
    public async Task Purge_FollowsTheClock_AndASecondRunFindsNothing()
    {
        var time = new FakeTimeProvider(Now);
        var alerts = await SharedAzurite.NewTableAsync("alerts");
        var idempotency = await SharedAzurite.NewTableAsync("idem");
        var alertId = await AddAlertAsync(alerts, Now.AddDays(-30), deliveries: 1);
        var purge = Purge(alerts, idempotency, time, retentionDays: 31);

        Assert.Equal(0, (await purge.PurgeAsync(CancellationToken.None)).Alerts);
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, (await purge.PurgeAsync(CancellationToken.None)).Alerts);
        Assert.Empty(await RowsAsync(alerts, alertId));
        Assert.Equal(0, (await purge.PurgeAsync(CancellationToken.None)).Alerts);
    }

    [Fact]
    public async Task Purge_KeepsAnAlertWhoseIdLooksOldButWhichIsRecent()
    {
        var time = new FakeTimeProvider(Now);
        var alerts = await SharedAzurite.NewTableAsync("alerts");
        var idempotency = await SharedAzurite.NewTableAsync("idem");
        var id = Guid.CreateVersion7(Now.AddDays(-200)).ToString("N");
        await AddAlertAsync(alerts, Now.AddDays(-2), deliveries: 1, id);

        Assert.Equal(0, (await Purge(alerts, idempotency, time).PurgeAsync(CancellationToken.None)).Alerts);
        Assert.Equal(1 + 1 + 2, (await RowsAsync(alerts, id)).Count);
    }

    [Fact]
    public void IdPrefix_SortsEveryOlderIdBeforeItAndEveryNewerOneAfter()
    {
        var prefix = RetentionPurge.IdPrefix(Now);
        var older = Ids.NewId(new FakeTimeProvider(Now.AddMilliseconds(-1)));
        var newer = Ids.NewId(new FakeTimeProvider(Now));

        Assert.True(string.CompareOrdinal(older, prefix) < 0);
        Assert.True(string.CompareOrdinal(newer, prefix) > 0);
    }

    [Fact]
    public async Task WebhookReceipts_AreKeptForTheRetentionPeriod_ThenPurged()
    {
        var time = new FakeTimeProvider(Now.AddDays(-91));
        var table = await SharedAzurite.NewTableAsync("receipts");
        var receipts = new RapidResponse.Security.WebhookReceipts(table, time);
        Assert.True(await receipts.TryRecordAsync("SMold", RapidResponse.Security.WebhookReceipts.Inbound, CancellationToken.None));
        time.SetUtcNow(Now.AddDays(-89));
        Assert.True(await receipts.TryRecordAsync("SMrecent", RapidResponse.Security.WebhookReceipts.Inbound, CancellationToken.None));
        Assert.True(await receipts.TryRecordAsync("SMrecent", RapidResponse.Security.WebhookReceipts.Status("delivered"), CancellationToken.None));
        Assert.False(await receipts.TryRecordAsync("SMrecent", RapidResponse.Security.WebhookReceipts.Status("delivered"), CancellationToken.None));
        time.SetUtcNow(Now);

        var purge = new RetentionPurge(
            await SharedAzurite.NewTableAsync("alerts"), await SharedAzurite.NewTableAsync("idem"),
            Options.Create(new RetentionOptions { RetentionDays = 90 }), time, NullLogger<RetentionPurge>.Instance, table);
        Assert.Equal(1, (await purge.PurgeAsync(CancellationToken.None)).ReceiptRows);

        // Within the retention period a replay is still recognised.
        Assert.False(await receipts.TryRecordAsync("SMrecent", RapidResponse.Security.WebhookReceipts.Inbound, CancellationToken.None));
        Assert.Equal(["SMrecent", "SMrecent"], (await AllAsync(table)).Select(r => r.PartitionKey));
    }

    [Fact]
    public async Task RecipientLinks_AreDeletedOnceTheirAlertsRetentionHasEnded()
    {
        var time = new FakeTimeProvider(Now);
        var table = await SharedAzurite.NewTableAsync("links");
        await table.AddEntityAsync(new TableEntity("expired-code-hash", "link") { ["AlertId"] = "a1", ["DeliveryId"] = "d1", ["ExpiresAt"] = Now.AddMinutes(-1) });
        await table.AddEntityAsync(new TableEntity("live-code-hash", "link") { ["AlertId"] = "a2", ["DeliveryId"] = "d1", ["ExpiresAt"] = Now.AddDays(30) });

        var purge = new RetentionPurge(
            await SharedAzurite.NewTableAsync("alerts"), await SharedAzurite.NewTableAsync("idem"),
            Options.Create(new RetentionOptions { RetentionDays = 90 }), time, NullLogger<RetentionPurge>.Instance, links: table);

        Assert.Equal(1, (await purge.PurgeAsync(CancellationToken.None)).LinkRows);
        Assert.Equal(["live-code-hash"], (await AllAsync(table)).Select(r => r.PartitionKey));
    }

    private static RetentionPurge Purge(TableClient alerts, TableClient idempotency, TimeProvider time, int retentionDays = 90) =>
        new(alerts, idempotency, Options.Create(new RetentionOptions { RetentionDays = retentionDays }), time, NullLogger<RetentionPurge>.Instance);

    /// <summary>An alert partition as the service writes it: the alert row, deliveries and two timeline rows.</summary>
    private static async Task<string> AddAlertAsync(TableClient table, DateTimeOffset createdAt, int deliveries, string? id = null)
    {
        id ??= Ids.NewId(new FakeTimeProvider(createdAt));
        var rows = new List<TableEntity> { new(id, "alert") { ["CreatedAt"] = createdAt, ["Region"] = "KZ-SHY" } };
        rows.AddRange(Enumerable.Range(0, deliveries).Select(i => new TableEntity(id, $"d|KZ-SHY|c{i:D3}|sms") { ["CreatedAt"] = createdAt }));
        rows.Add(new TableEntity(id, $"t|{createdAt.UtcTicks:D19}|a") { ["Kind"] = "accepted" });
        rows.Add(new TableEntity(id, $"t|{createdAt.UtcTicks + 1:D19}|b") { ["Kind"] = "fan-out" });
        foreach (var chunk in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        }

        return id;
    }

    private static Task AddKeyAsync(TableClient table, string organizerId, string key, DateTimeOffset createdAt) =>
        table.AddEntityAsync(new TableEntity(organizerId, key) { ["CreatedAt"] = createdAt, ["AlertId"] = "x" });

    private static async Task<List<TableEntity>> RowsAsync(TableClient table, string partitionKey) =>
        await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")).ToListAsync();

    private static async Task<List<TableEntity>> AllAsync(TableClient table) =>
        await table.QueryAsync<TableEntity>().ToListAsync();
}
