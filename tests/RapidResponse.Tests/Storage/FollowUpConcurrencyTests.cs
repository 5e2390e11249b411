using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Escalation;
using RapidResponse.Organizers;
using RapidResponse.Responses;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

/// <summary>Resolves and updates sent at once against Azurite: one resolve wins, updates never collide, nothing is accepted after the resolve.</summary>
public sealed class FollowUpConcurrencyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 5, 0, TimeSpan.Zero);
    private static readonly Caller Organizer = Caller.For(new Organizer("org1", "Dana", ["KZ-SHY"], null, "en", "hash", Now));

    [Fact]
    public async Task TenConcurrentResolves_OneWins_EveryRecipientGetsOneResolution()
    {
        var world = await WorldAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            world.Service.ResolveAsync(Organizer, "a1", new ResolveRequest("safe", null, null), CancellationToken.None)));

        Assert.All(answers, a => Assert.Equal("resolved", a.Value!.Status));
        var followUps = await world.FollowUpsAsync();
        Assert.Equal([FollowUpKind.Resolution], followUps.Select(f => f.Kind));
        Assert.Equal(2, (await world.FollowUpDeliveriesAsync()).Count);
        var timeline = (await world.Alerts.ReadAsync("a1", CancellationToken.None))!.Timeline;
        Assert.Single(timeline, t => t.Kind == "resolved");
        Assert.Equal(9, timeline.Count(t => t.Kind == "after-resolve"));
    }

    [Fact]
    public async Task FiftyConcurrentUpdates_AreAllAccepted_NumberedOneToFifty()
    {
        var world = await WorldAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            world.Service.UpdateAsync(Organizer, "a1", new UpdateRequest("still-held", $"update {i}"), CancellationToken.None)));

        Assert.All(answers, a => Assert.Equal("open", a.Value!.Status));
        var followUps = await world.FollowUpsAsync();
        Assert.Equal(Enumerable.Range(1, 50), followUps.Select(f => f.Number));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"update {i}").Order(StringComparer.Ordinal), followUps.Select(f => f.Message!).Order(StringComparer.Ordinal));
        Assert.Equal(100, (await world.FollowUpDeliveriesAsync()).Count);
    }

    [Fact]
    public async Task UpdateRacingResolve_IsAcceptedBeforeTheResolutionOrNotAtAll()
    {
        for (var round = 0; round < 20; round++)
        {
            var world = await WorldAsync();

            var update = world.Service.UpdateAsync(Organizer, "a1", new UpdateRequest("charged", null), CancellationToken.None);
            var resolve = world.Service.ResolveAsync(Organizer, "a1", new ResolveRequest("released", null, null), CancellationToken.None);
            var (updated, _) = (await update, await resolve);

            var followUps = await world.FollowUpsAsync();
            var resolution = Assert.Single(followUps, f => f.Kind == FollowUpKind.Resolution);
            if (updated.Value is not null)
            {
                Assert.Equal([1, 2], followUps.Select(f => f.Number));
                Assert.Equal(FollowUpKind.Update, followUps[0].Kind);
            }
            else
            {
                Assert.Equal(409, updated.Problem!.Status);
                Assert.Equal([resolution], followUps);
            }

            // Whatever went out belongs to a follow-up accepted no later than the resolution.
            Assert.All(await world.FollowUpDeliveriesAsync(), d => Assert.True(int.Parse(d.About!, System.Globalization.CultureInfo.InvariantCulture) <= resolution.Number));
        }
    }

    [Fact]
    public async Task SafeCodeHashedAtTheOldWorkFactor_Resolves_AndIsStoredAgainAtTodays()
    {
        var salt = CodeHasher.NewSalt();
        var oldSafe = OldHash("Tulip", salt);
        var oldDuress = OldHash("Raven", salt);
        var organizers = new OrganizerStore(await SharedAzurite.NewTableAsync("organizers"));
        var stored = Organizer.Organizer! with { Codes = new OrganizerCodes(salt, oldSafe, oldDuress, null) };
        await organizers.AddAsync(stored, CancellationToken.None);
        var world = await WorldAsync(organizers);

        var answer = await world.Service.ResolveAsync(Caller.For(stored), "a1", new ResolveRequest("safe", null, "tulip"), CancellationToken.None);

        Assert.Equal("resolved", answer.Value!.Status);
        Assert.Equal([FollowUpKind.Resolution], (await world.FollowUpsAsync()).Select(f => f.Kind));
        var codes = (await organizers.GetAsync("org1", CancellationToken.None))!.Codes;
        Assert.StartsWith("pbkdf2-sha256$600000$", codes.SafeCode, StringComparison.Ordinal);
        Assert.True(CodeHasher.Matches("tulip", salt, codes.SafeCode));
        Assert.False(CodeHasher.NeedsRehash(codes.SafeCode));
        Assert.Equal(oldDuress, codes.DuressCode);
        Assert.Equal(stored.Name, (await organizers.GetAsync("org1", CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task CodeChangedSinceItWasChecked_IsNotOverwrittenByTheUpgrade()
    {
        var salt = CodeHasher.NewSalt();
        var organizers = new OrganizerStore(await SharedAzurite.NewTableAsync("organizers"));
        var checkedCopy = Organizer.Organizer! with { Codes = new OrganizerCodes(salt, OldHash("tulip", salt), null, null) };
        var changed = checkedCopy with { Codes = new OrganizerCodes(salt, CodeHasher.Hash("lotus", salt), null, null) };
        await organizers.AddAsync(changed, CancellationToken.None);

        Assert.False(await organizers.RehashIfOldAsync(checkedCopy, OrganizerCode.Safe, "tulip", CancellationToken.None));

        Assert.Equal(changed.Codes.SafeCode, (await organizers.GetAsync("org1", CancellationToken.None))!.Codes.SafeCode);
    }

    // As codes were hashed before the work factor went up to 600,000.
    private static string OldHash(string code, string salt) => "pbkdf2-sha256$100000$" + Convert.ToBase64String(
        System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(
            System.Text.Encoding.UTF8.GetBytes(CodeHasher.Normalize(code)), Convert.FromBase64String(salt), 100_000,
            System.Security.Cryptography.HashAlgorithmName.SHA256, 32));

    private static async Task<World> WorldAsync(OrganizerStore? organizers = null)
    {
        var alertsTable = await SharedAzurite.NewTableAsync("alerts");
        var alerts = new AlertStore(alertsTable);
        await alerts.CreateAsync(AlertStoreTests.Alert("a1"), new TimelineEntry(Now, "accepted", "Alert accepted"), CancellationToken.None);
        await alerts.AddDeliveriesAsync(
            [
                DeliveryPlanner.NewAlertDelivery("a1", new Contact("l1", "KZ-SHY", "Aigerim N.", ContactRole.Lawyer, 1, "+77011234567", null, "ru", true), Channel.Sms, Now),
                DeliveryPlanner.NewAlertDelivery("a1", new Contact("n1", "KZ", "National NGO", ContactRole.Ngo, 1, null, "ngo@example.org", "en", true), Channel.Email, Now),
            ],
            CancellationToken.None);
        var responses = new ResponseStore(alertsTable);
        var options = Options.Create(new RapidResponseOptions { AdminKey = new string('k', 32), PublicBaseUrl = new Uri("https://rr.example.org") });
        var phones = new PhoneIndex(await SharedAzurite.NewTableAsync("phones"), new PhoneHasher(options));
        var queues = new QueueServiceClient(await SharedAzurite.ConnectionStringAsync(), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var escalations = queues.GetQueueClient("escalations" + Guid.NewGuid().ToString("N")[..12]);
        var deliveries = queues.GetQueueClient("deliveries" + Guid.NewGuid().ToString("N")[..12]);
        await Task.WhenAll(escalations.CreateAsync(), deliveries.CreateAsync());
        var policies = new EscalationPolicyStore(await SharedAzurite.NewTableAsync("policies"));
        var planner = new DeliveryPlanner(
            alerts, phones, new RapidResponse.Storage.DeliveryQueue(deliveries), new PendingWork(await SharedAzurite.NewTableAsync("pending"), TimeProvider.System));
        var service = new FollowUpService(
            alerts, responses, planner, new EscalationScheduler(escalations, policies, TimeProvider.System), TimeProvider.System, NullLogger<FollowUpService>.Instance,
            organizers: organizers);
        return new World(service, alerts, responses);
    }

    private sealed record World(FollowUpService Service, AlertStore Alerts, ResponseStore Responses)
    {
        public async Task<List<FollowUpRecord>> FollowUpsAsync()
        {
            var found = new List<FollowUpRecord>();
            for (var number = 1; await Responses.GetFollowUpAsync("a1", number, CancellationToken.None) is { } record; number++)
            {
                found.Add(record);
            }

            return found;
        }

        public async Task<List<Delivery>> FollowUpDeliveriesAsync() =>
            (await Alerts.ListDeliveriesAsync("a1", CancellationToken.None)).Where(d => d.Kind == DeliveryKind.FollowUp).ToList();
    }
}
