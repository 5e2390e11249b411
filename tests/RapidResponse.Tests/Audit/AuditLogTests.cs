using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Audit;
using RapidResponse.Retention;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Audit;

/// <summary>The audit log against Azurite: its chains verify, tampering is named, queries filter and page, old days go.</summary>
public sealed class AuditLogTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly CoordinatorCaller Alice = new("co-alice", CoordinatorRole.Owner, ["KZ"]);
    private static readonly CoordinatorCaller Bob = new("co-bob", CoordinatorRole.Coordinator, ["KG"]);

    [Fact]
    public async Task EachActorsDay_IsOneChainThatVerifies()
    {
        var (log, _) = await SetUpAsync();
        await AppendSomeAsync(log);

        var check = await log.VerifyAsync(DateOnly.FromDateTime(Now.UtcDateTime), DateOnly.FromDateTime(Now.UtcDateTime), CancellationToken.None);

        Assert.True(check.Valid);
        Assert.Equal(["2026-12-02.admin", "2026-12-02.co-alice", "2026-12-02.co-bob"], check.Chains.Select(c => c.Chain));
        Assert.Equal([1L, 3L, 1L], check.Chains.Select(c => c.Entries));
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("remove")]
    [InlineData("forge")]
    public async Task ATamperedRow_IsDetected_AndItsEntryNamed(string tampering)
    {
        var (log, table) = await SetUpAsync();
        await AppendSomeAsync(log);
        const string chain = "2026-12-02.co-alice";
        var second = (await table.GetEntityAsync<TableEntity>(chain, "e0000000002")).Value;
        switch (tampering)
        {
            case "edit":
                second["Fields"] = "name";
                await table.UpdateEntityAsync(second, ETag.All, TableUpdateMode.Replace);
                break;
            case "remove":
                await table.DeleteEntityAsync(chain, "e0000000002");
                break;
            default:
                var forged = new TableEntity(second) { RowKey = "e0000000004", ["Seq"] = 4L, ["Action"] = "contact.update" };
                await table.AddEntityAsync(forged);
                break;
        }

        var check = await log.VerifyAsync(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), CancellationToken.None);

        Assert.False(check.Valid);
        var broken = Assert.Single(check.Chains, c => !c.Valid);
        Assert.Equal(chain, broken.Chain);
        Assert.Equal(tampering == "forge" ? 4 : 2, broken.BrokenEntry);
        Assert.All(check.Chains.Where(c => c.Chain != chain), c => Assert.True(c.Valid));
    }

    [Fact]
    public async Task Queries_FilterByActorEntityAndAction_AndPageWithAContinuation()
    {
        var (log, _) = await SetUpAsync();
        await AppendSomeAsync(log);
        var all = Query(limit: "2");

        var first = await log.QueryAsync(all, _ => true, CancellationToken.None);
        var rest = await log.QueryAsync(all with { Continuation = first.Continuation }, _ => true, CancellationToken.None);
        var byAlice = await log.QueryAsync(Query(actor: "co-alice"), _ => true, CancellationToken.None);
        var updates = await log.QueryAsync(Query(action: "contact.update"), _ => true, CancellationToken.None);
        var oneContact = await log.QueryAsync(Query(entity: "contact:KZ-SHY/c1"), _ => true, CancellationToken.None);
        var visibleToBob = await log.QueryAsync(Query(), e => e.VisibleTo(Bob), CancellationToken.None);

        Assert.Equal(2, first.Entries.Count);
        Assert.NotNull(first.Continuation);
        Assert.Equal(5, first.Entries.Count + rest.Entries.Count + (rest.Continuation is null ? 0 : (await log.QueryAsync(all with { Continuation = rest.Continuation }, _ => true, CancellationToken.None)).Entries.Count));
        Assert.Equal(3, byAlice.Entries.Count);
        Assert.Equal(["co-alice"], updates.Entries.Select(e => e.Actor));
        Assert.Equal(["name", "phone"], updates.Entries.Single().Fields);
        Assert.Equal(2, oneContact.Entries.Count);
        Assert.Equal(["contacts:KG"], visibleToBob.Entries.Select(e => e.Entity));
    }

    [Fact]
    public async Task TheRetentionPurge_DeletesWholeDaysPastTheAuditRetention()
    {
        var table = await SharedAzurite.NewTableAsync("audit");
        var time = new FakeTimeProvider(Now.AddDays(-31));
        var log = new AuditLog(table, time);
        await log.AppendAsync(Alice, "contacts.list", "contacts:KZ", "KZ", [], CancellationToken.None);
        time.SetUtcNow(Now.AddDays(-29));
        await log.AppendAsync(Alice, "contacts.list", "contacts:KZ", "KZ", [], CancellationToken.None);
        time.SetUtcNow(Now);

        var purge = new RetentionPurge(
            await SharedAzurite.NewTableAsync("alerts"), await SharedAzurite.NewTableAsync("idem"),
            Options.Create(new RetentionOptions { RetentionDays = 90, AuditRetentionDays = 30 }), time, NullLogger<RetentionPurge>.Instance, audit: table);

        Assert.Equal(2, (await purge.PurgeAsync(CancellationToken.None)).AuditRows);
        var left = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            left.Add(row.PartitionKey);
        }

        Assert.Equal(["2026-11-03.co-alice", "2026-11-03.co-alice"], left);
        Assert.True((await log.VerifyAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), CancellationToken.None)).Valid);
    }

    private static AuditQuery Query(string? actor = null, string? entity = null, string? action = null, string limit = "100") =>
        AuditQuery.Parse(null, null, actor, entity, action, null, limit, Now.AddMinutes(1)).Value!;

    private static async Task AppendSomeAsync(AuditLog log)
    {
        await log.AppendAsync(Alice, "contact.create", "contact:KZ-SHY/c1", "KZ-SHY", ["name", "role", "tier", "phone", "language", "active"], CancellationToken.None);
        await log.AppendAsync(Alice, "contact.update", "contact:KZ-SHY/c1", "KZ-SHY", ["name", "phone"], CancellationToken.None);
        await log.AppendAsync(Alice, "organizer.create", "organizer:o1", "KZ,KG", ["name", "regions"], CancellationToken.None);
        await log.AppendAsync(Bob, "contacts.list", "contacts:KG", "KG", [], CancellationToken.None);
        await log.AppendAsync(CoordinatorCaller.Admin, "template.put", "template:statement.attack.en.liquid", null, ["source"], CancellationToken.None);
    }

    private static async Task<(AuditLog Log, TableClient Table)> SetUpAsync()
    {
        var table = await SharedAzurite.NewTableAsync("audit");
        return (new AuditLog(table, new FakeTimeProvider(Now)), table);
    }
}
