using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Escalation;
using RapidResponse.Responses;
using RapidResponse.Security;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

/// <summary>Escalation steps against Azurite with fake time: per-role acknowledgement, idempotency, resolved alerts.</summary>
public sealed class EscalationServiceTests
{
    private static readonly DateTimeOffset Pressed = new(2026, 11, 24, 10, 5, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Pressed);

    [Fact]
    public async Task LawyerAcknowledged_Step1AlertsTier2NgosAndRemindsNgos_NotLawyers_AndSchedulesStep2()
    {
        var world = await WorldAsync();
        var lawyer = await world.AddAlertDeliveryAsync(new Contact("l1", "KZ-SHY", "Aigerim N.", ContactRole.Lawyer, 1, "+77011234567", null, "ru", true), Channel.Sms);
        await world.AddAlertDeliveryAsync(new Contact("n1", "KZ", "National NGO", ContactRole.Ngo, 1, null, "ngo@example.org", "en", true), Channel.Email);
        await world.Contacts.PutAsync(new Contact("l2", "KZ-SHY", "Backup Lawyer", ContactRole.Lawyer, 2, "+77011234568", null, "ru", true), CancellationToken.None);
        await world.Contacts.PutAsync(new Contact("n2", "KZ", "Backup NGO", ContactRole.Ngo, 2, null, "ngo2@example.org", "en", true), CancellationToken.None);
        await world.Responses.TryAddAcknowledgementAsync("a1", new Acknowledgement(lawyer.Id, "l1", "Aigerim N.", ContactRole.Lawyer, Channel.Sms, Pressed), CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(5));
        await world.Service.HandleAsync(new EscalationMessage("a1", 1), CancellationToken.None);
        await world.Service.HandleAsync(new EscalationMessage("a1", 1), CancellationToken.None);

        var ids = (await world.Alerts.ListDeliveriesAsync("a1", CancellationToken.None)).Select(d => d.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["KZ-SHY|l1|sms", "KZ|n1|email", "KZ|n1|email|reminder-1", "KZ|n2|email"], ids);
        var record = (await world.Alerts.ReadAsync("a1", CancellationToken.None))!;
        Assert.Single(record.Timeline, t => t.Kind == "escalation");

        // Step 2 is scheduled once, hidden until due (10 minutes on): visible in the count, not to a peek.
        Assert.Equal(1, (await world.Escalations.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await world.Escalations.PeekMessagesAsync(1)).Value);
    }

    [Fact]
    public async Task Stop_SentBySmsOrOnWhatsApp_EndsRemindersAndNewMessagesOnBoth_AndAnEmailTakesTheirPlace()
    {
        var world = await WorldAsync();
        var stoppedSms = await world.AddAlertDeliveryAsync(new Contact("l1", "KZ-SHY", "Aigerim N.", ContactRole.Lawyer, 1, "+77011234567", null, "ru", true), Channel.Sms);
        var stoppedWhatsApp = await world.AddAlertDeliveryAsync(
            new Contact("l3", "KZ-SHY", "Dana K.", ContactRole.Lawyer, 1, "+77011234569", null, "ru", true) { Prefers = ContactChannels.WhatsApp }, Channel.WhatsApp);
        var still = await world.AddAlertDeliveryAsync(new Contact("l4", "KZ-SHY", "Madina S.", ContactRole.Lawyer, 1, "+77011234570", null, "ru", true), Channel.Sms);
        await world.Contacts.PutAsync(
            new Contact("l2", "KZ-SHY", "Backup Lawyer", ContactRole.Lawyer, 2, "+77011234568", "backup@example.org", "ru", true) { Prefers = ContactChannels.WhatsApp },
            CancellationToken.None);
        foreach (var phone in new[] { "+77011234567", "+77011234569", "+77011234568" })
        {
            await world.Phones.OptOutAsync(phone, Pressed, CancellationToken.None);
        }

        time.Advance(TimeSpan.FromMinutes(5));
        await world.Service.HandleAsync(new EscalationMessage("a1", 1), CancellationToken.None);

        var deliveries = await world.Alerts.ListDeliveriesAsync("a1", CancellationToken.None);
        string[] expected = [stoppedSms.Id, stoppedWhatsApp.Id, still.Id, still.Id + "|reminder-1", "KZ-SHY|l2|email"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), deliveries.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal("backup@example.org", Assert.Single(deliveries, d => d.Id == "KZ-SHY|l2|email").Address);
    }

    [Fact]
    public async Task ResolvedAlert_NeverEscalates()
    {
        var world = await WorldAsync();
        await world.Contacts.PutAsync(new Contact("l2", "KZ-SHY", "Backup Lawyer", ContactRole.Lawyer, 2, "+77011234568", null, "ru", true), CancellationToken.None);
        await world.Responses.MarkResolvedAsync("a1", Pressed.AddMinutes(1), CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(5));
        await world.Service.HandleAsync(new EscalationMessage("a1", 1), CancellationToken.None);

        Assert.Empty(await world.Alerts.ListDeliveriesAsync("a1", CancellationToken.None));
        Assert.Equal(0, (await world.Escalations.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task CallStep_CallsTheUnansweredLawyersOnce_NeverTheDeclinedNorAnOrganizersPhone()
    {
        var world = await WorldAsync(new EscalationStep(120, EscalationScope.None, null, Remind: false, Call: true));
        var unanswered = await world.AddAlertDeliveryAsync(new Contact("l1", "KZ-SHY", "Aigerim N.", ContactRole.Lawyer, 1, "+77011234567", null, "ru", true), Channel.Sms);
        var declined = await world.AddAlertDeliveryAsync(new Contact("l2", "KZ-SHY", "Dana K.", ContactRole.Lawyer, 1, "+77011234568", null, "ru", true), Channel.Sms);
        await world.AddAlertDeliveryAsync(new Contact("l3", "KZ-SHY", "Organizer Too", ContactRole.Lawyer, 1, "+77011234569", null, "ru", true), Channel.Sms);
        await world.AddAlertDeliveryAsync(new Contact("n1", "KZ", "National NGO", ContactRole.Ngo, 1, null, "ngo@example.org", "en", true), Channel.Email);
        await world.Declines.TryDeclineAsync("a1", declined.Id, Pressed, CancellationToken.None);
        await world.Phones.SetOrganizerAsync("o1", null, "+77011234569", CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(2));
        await world.Service.HandleAsync(new EscalationMessage("a1", 1), CancellationToken.None);
        await world.Service.HandleAsync(new EscalationMessage("a1", 1), CancellationToken.None);

        var calls = (await world.Alerts.ListDeliveriesAsync("a1", CancellationToken.None)).Where(d => d.Kind == DeliveryKind.Call).ToList();
        var call = Assert.Single(calls);
        Assert.Equal(unanswered.Id + "|call-1", call.Id);
        Assert.Equal((Channel.Call, "+77011234567", "ru"), (call.Channel, call.Address, call.Language));
        var record = (await world.Alerts.ReadAsync("a1", CancellationToken.None))!;
        Assert.Equal("Nobody acknowledged after 2 min: calling 1 lawyer", Assert.Single(record.Timeline, t => t.Kind == "escalation").Text);
    }

    [Fact]
    public async Task CallStep_AfterALawyerAcknowledged_CallsNobody()
    {
        var world = await WorldAsync(new EscalationStep(120, EscalationScope.None, null, Remind: false, Call: true));
        var lawyer = await world.AddAlertDeliveryAsync(new Contact("l1", "KZ-SHY", "Aigerim N.", ContactRole.Lawyer, 1, "+77011234567", null, "ru", true), Channel.Sms);
        await world.AddAlertDeliveryAsync(new Contact("l2", "KZ-SHY", "Dana K.", ContactRole.Lawyer, 1, "+77011234568", null, "ru", true), Channel.Sms);
        await world.Responses.TryAddAcknowledgementAsync("a1", new Acknowledgement(lawyer.Id, "l1", "Aigerim N.", ContactRole.Lawyer, Channel.Sms, Pressed), CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(2));
        await world.Service.HandleAsync(new EscalationMessage("a1", 1), CancellationToken.None);

        Assert.DoesNotContain(await world.Alerts.ListDeliveriesAsync("a1", CancellationToken.None), d => d.Kind == DeliveryKind.Call);
    }

    private async Task<World> WorldAsync(params EscalationStep[] steps)
    {
        var alertsTable = await SharedAzurite.NewTableAsync("alerts");
        var alerts = new AlertStore(alertsTable);
        await alerts.CreateAsync(AlertStoreTests.Alert("a1") with { CreatedAt = Pressed }, new TimelineEntry(Pressed, "accepted", "Alert accepted"), CancellationToken.None);
        var responses = new ResponseStore(alertsTable);
        var contacts = new ContactStore(await SharedAzurite.NewTableAsync("contacts"));
        var options = Options.Create(new RapidResponseOptions { AdminKey = new string('k', 32), PublicBaseUrl = new Uri("https://rr.example.org") });
        var phones = new PhoneIndex(await SharedAzurite.NewTableAsync("phones"), new PhoneHasher(options));
        var queues = new QueueServiceClient(await SharedAzurite.ConnectionStringAsync(), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var escalations = queues.GetQueueClient("escalations" + Guid.NewGuid().ToString("N")[..12]);
        var deliveries = queues.GetQueueClient("deliveries" + Guid.NewGuid().ToString("N")[..12]);
        await Task.WhenAll(escalations.CreateAsync(), deliveries.CreateAsync());
        var policies = new EscalationPolicyStore(await SharedAzurite.NewTableAsync("policies"));
        // The region's own policy: tier 2 and a reminder after 5 minutes, INTL after 15, unless a test gives steps.
        await policies.PutAsync(new EscalationPolicy("KZ-SHY", steps.Length > 0 ? steps : [
            new EscalationStep(300, EscalationScope.Chain, 2, Remind: true),
            new EscalationStep(900, EscalationScope.Intl, null, Remind: false)]), CancellationToken.None);
        var planner = new DeliveryPlanner(alerts, phones, new DeliveryQueue(deliveries), new PendingWork(await SharedAzurite.NewTableAsync("pending"), time));
        var declines = new RecipientResponseStore(alertsTable);
        var service = new EscalationService(
            alerts, responses, declines, contacts, policies, new EscalationScheduler(escalations, policies, time), planner, new CallPlanner(phones), time, NullLogger<EscalationService>.Instance);
        return new World(service, alerts, responses, declines, phones, contacts, escalations, time);
    }

    private sealed record World(
        EscalationService Service, AlertStore Alerts, ResponseStore Responses, RecipientResponseStore Declines, PhoneIndex Phones, ContactStore Contacts, QueueClient Escalations, TimeProvider Time)
    {
        public async Task<Delivery> AddAlertDeliveryAsync(Contact contact, Channel channel)
        {
            await Contacts.PutAsync(contact, CancellationToken.None);
            var delivery = DeliveryPlanner.NewAlertDelivery("a1", contact, channel, Time.GetUtcNow());
            await Alerts.AddDeliveriesAsync([delivery], CancellationToken.None);
            return delivery;
        }
    }
}
