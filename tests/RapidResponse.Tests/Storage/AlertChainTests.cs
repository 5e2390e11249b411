using Azure.Data.Tables;
using RapidResponse.Alerts;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

/// <summary>The timeline hash chain as written to Azurite: concurrent writers, and rows tampered with in storage.</summary>
public sealed class AlertChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task ConcurrentAppends_FormOneUnbrokenChain()
    {
        var store = new AlertStore(await SharedAzurite.NewTableAsync("alerts"));
        await store.CreateAsync(AlertStoreTests.Alert("c1"), new TimelineEntry(Now, "accepted", "Alert accepted"), CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(1, 24).Select(i =>
            store.AppendTimelineAsync("c1", new TimelineEntry(Now.AddMilliseconds(i), "delivery", $"Receipt {i}\nwith a line break"), CancellationToken.None)));

        var chain = (await store.ReadChainAsync("c1", CancellationToken.None))!;
        Assert.Equal(25, chain.Entries.Count);
        Assert.Equal(RecordCheck.Ok, RecordVerifier.Verify(chain.Entries, chain.HeadSeq, chain.HeadHash));
        Assert.Equal(25, (await store.ReadAsync("c1", CancellationToken.None))!.Timeline.Count);
    }

    [Fact]
    public async Task AnAlertWrittenBeforeTheChain_StartsItsChainAtItsNextEntry()
    {
        var table = await SharedAzurite.NewTableAsync("alerts");
        var store = new AlertStore(table);
        await store.CreateAsync(AlertStoreTests.Alert("c0"), new TimelineEntry(Now, "accepted", "Alert accepted"), CancellationToken.None);
        await table.DeleteEntityAsync("c0", "chain");
        foreach (var row in await Rows(table, "c0"))
        {
            await table.DeleteEntityAsync("c0", row.RowKey);
        }

        await store.AppendTimelineAsync("c0", new TimelineEntry(Now.AddSeconds(1), "fan-out", "Alerting 2"), CancellationToken.None);

        var chain = (await store.ReadChainAsync("c0", CancellationToken.None))!;
        Assert.Equal(RecordCheck.Ok, RecordVerifier.Verify(chain.Entries, chain.HeadSeq, chain.HeadHash));
    }

    [Fact]
    public async Task RowsEditedOrDeletedInStorage_FailTheCheck_NamingTheEntry()
    {
        var table = await SharedAzurite.NewTableAsync("alerts");
        var store = new AlertStore(table);
        await store.CreateAsync(AlertStoreTests.Alert("c2"), new TimelineEntry(Now, "accepted", "Alert accepted"), CancellationToken.None);
        for (var i = 1; i <= 4; i++)
        {
            await store.AppendTimelineAsync("c2", new TimelineEntry(Now.AddSeconds(i), "delivery", $"Receipt {i}"), CancellationToken.None);
        }

        var rows = await Rows(table, "c2");
        var third = rows.Single(r => r.GetInt64("Seq") == 3);
        third["Text"] = "Nobody answered";
        await table.UpdateEntityAsync(third, Azure.ETag.All, TableUpdateMode.Merge);
        var edited = (await store.ReadChainAsync("c2", CancellationToken.None))!;
        Assert.Equal(3L, RecordVerifier.Verify(edited.Entries, edited.HeadSeq, edited.HeadHash).Entry);

        await table.DeleteEntityAsync("c2", third.RowKey);
        var removed = (await store.ReadChainAsync("c2", CancellationToken.None))!;
        Assert.Equal(3L, RecordVerifier.Verify(removed.Entries, removed.HeadSeq, removed.HeadHash).Entry);

        await table.DeleteEntityAsync("c2", rows.Single(r => r.GetInt64("Seq") == 5).RowKey);
        var truncated = (await store.ReadChainAsync("c2", CancellationToken.None))!;
        Assert.False(RecordVerifier.Verify(truncated.Entries, truncated.HeadSeq, truncated.HeadHash).Valid);
    }

    private static async Task<List<TableEntity>> Rows(TableClient table, string alertId) =>
        await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {alertId} and RowKey ge {"t|"} and RowKey lt {"t}"}")).ToListAsync();
}
