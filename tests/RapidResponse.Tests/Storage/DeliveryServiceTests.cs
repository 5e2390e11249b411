using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Alerts;
using RapidResponse.Channels;
using RapidResponse.Channels.Sms;
using RapidResponse.Dispatch;
using RapidResponse.Statements;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

/// <summary>The Delivery row as the idempotency record of its send, against real Table Storage.</summary>
public sealed class DeliveryServiceTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 6, 0, TimeSpan.Zero));
    private readonly RecordingSms sms = new();
    private readonly RecordingEmail email = new();
    private TestFallback fallback = null!;
    private RapidResponse.Operations.ProviderOutages outages = null!;
    private RapidResponse.Responses.ResponseStore responses = null!;
    private RapidResponse.Responses.RecipientResponseStore declines = null!;

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
    public async Task Deliver_RejectedForGood_FallsBackToTheContactsEmailOnce()
    {
        var (service, store, message) = await SetUpAsync();
        await fallback.Contacts.PutAsync(
            new RapidResponse.Contacts.Contact("c1", "KZ", "Aigerim N.", RapidResponse.Contacts.ContactRole.Lawyer, 1, "+77011234567", "aigerim@example.org", "ru", true),
            CancellationToken.None);
        sms.Next = _ => new SendOutcome.Rejected("21211", "invalid number");

        await service.DeliverAsync(message, CancellationToken.None);
        await service.DeliverAsync(message, CancellationToken.None);

        var record = (await store.ReadAsync("a1", CancellationToken.None))!;
        var email = Assert.Single(record.Deliveries, d => d.Channel == Channel.Email);
        Assert.Equal("aigerim@example.org", email.Address);
        Assert.Equal(DeliveryState.Pending, email.State);
        Assert.Single(record.Timeline, t => t.Kind == "fallback");
        var queued = (await fallback.Queue.PeekMessagesAsync(32)).Value;
        Assert.Contains(queued, m => m.Body.ToString().Contains(email.Id, StringComparison.Ordinal) && m.Body.ToString().Contains(record.Alert.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deliver_FollowUpRejected_FallsBackAsTheSameFollowUp_AndAFailedFallbackStopsThere()
    {
        var (service, store, _) = await SetUpAsync();
        await fallback.Contacts.PutAsync(
            new RapidResponse.Contacts.Contact("c1", "KZ", "Aigerim N.", RapidResponse.Contacts.ContactRole.Lawyer, 1, "+77011234567", "aigerim@example.org", "ru", true),
            CancellationToken.None);
        var followUp = AlertStoreTests.Delivery("a1", "KZ|c1|sms|followup-1") with { Kind = DeliveryKind.FollowUp, About = "1" };
        await store.AddDeliveriesAsync([followUp], CancellationToken.None);
        sms.Next = _ => new SendOutcome.Rejected("21211", "invalid number");

        await service.DeliverAsync(new DeliveryMessage("a1", followUp.Id), CancellationToken.None);

        var email = (await store.GetDeliveryAsync("a1", DeliveryFallback.IdFor(followUp, Channel.Email), CancellationToken.None))!;
        Assert.Equal((Channel.Email, DeliveryKind.FollowUp, "1"), (email.Channel, email.Kind, email.About));

        // A fallback that fails for good is not sent back to the channel that failed first.
        var smsAgain = AlertStoreTests.Delivery("a1", DeliveryFallback.IdFor(email, Channel.Sms));
        await store.AddDeliveriesAsync([smsAgain], CancellationToken.None);
        await service.DeliverAsync(new DeliveryMessage("a1", smsAgain.Id), CancellationToken.None);
        Assert.Null(await store.GetDeliveryAsync("a1", DeliveryFallback.IdFor(smsAgain, Channel.Email), CancellationToken.None));
    }

    [Fact]
    public async Task Deliver_ProviderCertainlyNotReached_ReleasesTheClaimAndThrowsForARetry()
    {
        var (service, store, message) = await SetUpAsync();
        sms.Next = _ => throw new ProviderUnavailableException("twilio", mayHaveReachedProvider: false, "down");

        await service.DeliverAsync(message, CancellationToken.None);
        sms.Next = null;
        await service.DeliverAsync(message, CancellationToken.None);

        var delivery = (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Equal(2, delivery.Attempts);
    }

    [Fact]
    public async Task Deliver_UnknownOutcome_IsRetriedAtOnce_PreferringADuplicateOverALoss()
    {
        var (service, store, message) = await SetUpAsync();
        sms.Next = _ => throw new ProviderUnavailableException("twilio", mayHaveReachedProvider: true, "timed out after sending");

        await service.DeliverAsync(message, CancellationToken.None);
        sms.Next = null;
        await service.DeliverAsync(message, CancellationToken.None);

        var delivery = (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Equal(2, sms.Calls);
        Assert.Equal(2, delivery.Attempts);
    }

    [Fact]
    public async Task Deliver_AnswerLostAfterTheProviderTookIt_IsLookedUpAndNotSentAgain()
    {
        var (service, store, message) = await SetUpAsync();
        sms.Next = m =>
        {
            sms.TakenUnanswered.Add(m);
            throw new ProviderUnavailableException("twilio", mayHaveReachedProvider: true, "connection dropped after sending");
        };

        await service.DeliverAsync(message, CancellationToken.None);
        Assert.True((await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!.OutcomeUnknown);
        sms.Next = null;
        await service.DeliverAsync(message, CancellationToken.None);

        var delivery = (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!;
        Assert.Equal((DeliveryState.Sent, "SM-taken-0", false), (delivery.State, delivery.ProviderId, delivery.OutcomeUnknown));
        Assert.Equal(1, sms.Calls);
        Assert.Empty(sms.Sent);
    }

    [Fact]
    public async Task Deliver_CertainFailure_IsNotLookedUp()
    {
        var (service, _, message) = await SetUpAsync();
        sms.Next = _ => throw new ProviderUnavailableException("twilio", mayHaveReachedProvider: false, "connection refused");

        await service.DeliverAsync(message, CancellationToken.None);
        sms.Next = null;
        await service.DeliverAsync(message, CancellationToken.None);

        Assert.Equal(0, sms.Lookups);
        Assert.Single(sms.Sent);
    }

    [Fact]
    public async Task Deliver_AccountRefused_IsRetriedNotFailed_TheOperatorIsToldOnceByEmail_AndTheContactsEmailCarriesIt()
    {
        var (service, store, message) = await SetUpAsync();
        await fallback.Contacts.PutAsync(
            new RapidResponse.Contacts.Contact("c1", "KZ", "Aigerim N.", RapidResponse.Contacts.ContactRole.Lawyer, 1, "+77011234567", "aigerim@example.org", "ru", true),
            CancellationToken.None);
        sms.Next = _ => throw new ProviderUnavailableException("twilio", mayHaveReachedProvider: false, "Twilio refused the account (401, 20003)", accountRefused: true);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await service.DeliverAsync(message, CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(20));
        }

        var held = (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Pending, held.State);
        Assert.DoesNotContain(sms.Sent, m => m.To == "+77011234567");
        Assert.Single(email.Sent, m => m.To == TestOutages.OperatorEmail);
        Assert.Equal(["twilio"], (await outages.DownAsync(CancellationToken.None)).Select(p => p.Provider));
        Assert.NotNull(await store.GetDeliveryAsync("a1", DeliveryFallback.IdFor(held, Channel.Email), CancellationToken.None));

        sms.Next = null;
        await service.DeliverAsync(message, CancellationToken.None);

        Assert.Equal(DeliveryState.Sent, (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!.State);
        Assert.Equal(2, email.Sent.Count(m => m.To == TestOutages.OperatorEmail));
        Assert.Contains("sending again", email.Sent.Last(m => m.To == TestOutages.OperatorEmail).Content.Subject, StringComparison.Ordinal);
        Assert.Empty(await outages.DownAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public async Task Deliver_LongOutage_BacksOffTo5Minutes_ParksNothing_TellsTheOperatorOnceAtTheStartAndOnceAtTheEnd(int minutes)
    {
        var (service, store, message) = await SetUpAsync();
        sms.Next = _ => throw new ProviderUnavailableException("twilio", mayHaveReachedProvider: false, "Twilio answered 503");
        var start = time.GetUtcNow();
        var waits = new List<TimeSpan>();

        // Each attempt as the queue makes it: when the held row says (the new message's initial visibility).
        while (time.GetUtcNow() - start < TimeSpan.FromMinutes(minutes))
        {
            await service.DeliverAsync(message, CancellationToken.None);
            var held = (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!;
            Assert.Equal(DeliveryState.Pending, held.State);
            waits.Add(held.RetryAt!.Value - time.GetUtcNow());
            time.Advance(waits[^1]);
        }

        Assert.Equal(RetryBackoff.First, waits[0]);
        Assert.Equal(RetryBackoff.Longest, waits[^1]);
        Assert.InRange(waits.Count, 6, 15);
        // One retry message per attempt, hidden for its wait: the attempts never multiply, and none is ever dequeued
        // twice (so none can reach maxDequeueCount and park).
        Assert.Equal(waits.Count, (await fallback.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Single(email.Sent, m => m.To == TestOutages.OperatorEmail);

        sms.Next = null;
        await service.DeliverAsync(message, CancellationToken.None);

        Assert.Equal(DeliveryState.Sent, (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!.State);
        Assert.Equal(2, email.Sent.Count(m => m.To == TestOutages.OperatorEmail));
    }

    [Fact]
    public async Task Deliver_AnEarlyAttemptThatFails_SchedulesNoSecondRetry()
    {
        var (service, _, message) = await SetUpAsync();
        sms.Next = _ => throw new ProviderUnavailableException("twilio", mayHaveReachedProvider: false, "Twilio answered 503");

        await service.DeliverAsync(message with { Early = true }, CancellationToken.None);

        Assert.Empty((await fallback.Queue.PeekMessagesAsync(32)).Value);
        Assert.Equal(1, sms.Calls);
    }

    [Fact]
    public async Task Deliver_ClaimOfAWorkerThatDied_IsLeftAloneUntilItsLeaseEnds_ThenSent()
    {
        var (service, store, message) = await SetUpAsync();
        var pending = (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!;
        var now = time.GetUtcNow();
        await store.TryUpdateDeliveryAsync(pending.MoveTo(DeliveryState.Sending, now) with { SendingSince = now, Attempts = 1 }, CancellationToken.None);

        await Assert.ThrowsAsync<DeliveryBusyException>(() => service.DeliverAsync(message, CancellationToken.None));
        time.Advance(DeliveryService.SendingLease);
        await service.DeliverAsync(message, CancellationToken.None);

        var delivery = (await store.GetDeliveryAsync(message.AlertId, message.DeliveryId, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Single(sms.Sent);
        Assert.Equal(1, sms.Lookups);
    }

    [Fact]
    public async Task Deliver_SmsProviderOut_TheLawyersEmailGoesAtTheFirstFailure_AndTheSmsStillFollowsOnce()
    {
        var (service, store, message) = await SetUpAsync();
        await fallback.Contacts.PutAsync(Aigerim, CancellationToken.None);
        sms.Next = _ => throw new ProviderUnavailableException("twilio", mayHaveReachedProvider: false, "Twilio answered 503");

        await service.DeliverAsync(message, CancellationToken.None);

        var fallbackId = DeliveryFallback.IdFor((await store.GetDeliveryAsync("a1", message.DeliveryId, CancellationToken.None))!, Channel.Email);
        Assert.Contains((await fallback.Queue.PeekMessagesAsync(32)).Value, m => m.Body.ToString().Contains(fallbackId, StringComparison.Ordinal));
        await service.DeliverAsync(new DeliveryMessage("a1", fallbackId), CancellationToken.None);
        Assert.Single(email.Sent, m => m.To == "aigerim@example.org");

        // Still out at the next try, then back: the SMS goes out once, and nothing is sent twice.
        time.Advance(RetryBackoff.First);
        await service.DeliverAsync(message, CancellationToken.None);
        sms.Next = null;
        time.Advance(RetryBackoff.First * 2);
        await service.DeliverAsync(message, CancellationToken.None);
        await service.DeliverAsync(new DeliveryMessage("a1", fallbackId), CancellationToken.None);

        var record = (await store.ReadAsync("a1", CancellationToken.None))!;
        Assert.Equal(DeliveryState.Sent, Assert.Single(record.Deliveries, d => d.Channel == Channel.Sms).State);
        Assert.Equal(DeliveryState.Sent, Assert.Single(record.Deliveries, d => d.Channel == Channel.Email).State);
        Assert.Single(sms.Sent, m => m.To == "+77011234567");
        Assert.Single(email.Sent, m => m.To == "aigerim@example.org");
        Assert.Single(record.Timeline, t => t.Kind == "fallback");
    }

    [Fact]
    public async Task Deliver_EmailProviderOut_TheContactsSmsGoesAtTheFirstFailure()
    {
        var (service, store, _) = await SetUpAsync();
        await fallback.Contacts.PutAsync(Aigerim, CancellationToken.None);
        var byEmail = AlertStoreTests.Delivery("a1", "KZ|c1|email") with { Channel = Channel.Email, Address = "aigerim@example.org" };
        await store.AddDeliveriesAsync([byEmail], CancellationToken.None);
        email.Next = () => throw new ProviderUnavailableException("sendgrid", mayHaveReachedProvider: false, "SendGrid answered 503");

        await service.DeliverAsync(new DeliveryMessage("a1", byEmail.Id), CancellationToken.None);

        var fallbackId = DeliveryFallback.IdFor(byEmail, Channel.Sms);
        Assert.Equal("+77011234567", (await store.GetDeliveryAsync("a1", fallbackId, CancellationToken.None))!.Address);
        await service.DeliverAsync(new DeliveryMessage("a1", fallbackId), CancellationToken.None);
        Assert.Single(sms.Sent, m => m.To == "+77011234567");
        Assert.Equal(DeliveryState.Pending, (await store.GetDeliveryAsync("a1", byEmail.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Deliver_WhileTheProviderIsKnownDown_TheOtherChannelIsQueuedBeforeTheSendIsTried()
    {
        var (service, store, message) = await SetUpAsync();
        await fallback.Contacts.PutAsync(Aigerim, CancellationToken.None);
        await outages.FailedAsync("twilio", "Twilio answered 503", CancellationToken.None);
        var queuedBeforeTheSend = false;
        sms.Next = _ =>
        {
            queuedBeforeTheSend = fallback.Queue.PeekMessages(32).Value.Any(q => q.Body.ToString().Contains("fallback-email", StringComparison.Ordinal));
            return new SendOutcome.Accepted("SM-recovered");
        };

        await service.DeliverAsync(message, CancellationToken.None);

        Assert.True(queuedBeforeTheSend);
        Assert.Equal(DeliveryState.Sent, (await store.GetDeliveryAsync("a1", message.DeliveryId, CancellationToken.None))!.State);
        Assert.False(outages.IsKnownDown("twilio"));
    }

    [Fact]
    public async Task Deliver_AReminderOrCallWhoseLawyerRoleAcknowledgedMeanwhile_IsWithdrawn_NotSent()
    {
        var (service, store, message) = await SetUpAsync();
        var alerted = (await store.GetDeliveryAsync("a1", message.DeliveryId, CancellationToken.None))!;
        var reminder = DeliveryKinds.Later(alerted, DeliveryKinds.ReminderId(alerted, 1), DeliveryKind.Reminder, "1", time.GetUtcNow());
        var call = DeliveryKinds.Later(alerted, DeliveryKinds.CallId(alerted, 1), DeliveryKind.Call, "1", time.GetUtcNow()) with { Channel = Channel.Call };
        await store.AddDeliveriesAsync([reminder, call], CancellationToken.None);
        await responses.TryAddAcknowledgementAsync("a1", new RapidResponse.Responses.Acknowledgement(
            "KZ|c2|sms", "c2", "Dana K.", RapidResponse.Contacts.ContactRole.Lawyer, Channel.Sms, time.GetUtcNow()), CancellationToken.None);

        // The call placer here throws: a call that is placed fails the test.
        await service.DeliverAsync(new DeliveryMessage("a1", reminder.Id), CancellationToken.None);
        await service.DeliverAsync(new DeliveryMessage("a1", call.Id), CancellationToken.None);
        await service.DeliverAsync(new DeliveryMessage("a1", call.Id), CancellationToken.None);

        Assert.Empty(sms.Sent);
        foreach (var id in new[] { reminder.Id, call.Id })
        {
            var row = (await store.GetDeliveryAsync("a1", id, CancellationToken.None))!;
            Assert.Equal((DeliveryState.Withdrawn, "Dana (lawyer) acknowledged"), (row.State, row.Error));
        }

        var timeline = (await store.ReadAsync("a1", CancellationToken.None))!.Timeline;
        Assert.Equal("Call to Aigerim (lawyer) not placed: Dana (lawyer) acknowledged", Assert.Single(timeline, t => t.Kind == "call").Text);
    }

    [Fact]
    public async Task Deliver_AReminderToWhoeverSaidTheyCannotGo_IsWithdrawn_OneToAnUnansweredRoleIsSent()
    {
        var (service, store, message) = await SetUpAsync();
        var alerted = (await store.GetDeliveryAsync("a1", message.DeliveryId, CancellationToken.None))!;
        var other = alerted with { Id = "KZ|c3|sms", Address = "+77011234599", RecipientName = "Madina S." };
        var declinedReminder = DeliveryKinds.Later(alerted, DeliveryKinds.ReminderId(alerted, 1), DeliveryKind.Reminder, "1", time.GetUtcNow());
        var reminder = DeliveryKinds.Later(other, DeliveryKinds.ReminderId(other, 1), DeliveryKind.Reminder, "1", time.GetUtcNow());
        await store.AddDeliveriesAsync([other, declinedReminder, reminder], CancellationToken.None);
        await declines.TryDeclineAsync("a1", alerted.Id, time.GetUtcNow(), CancellationToken.None);

        await service.DeliverAsync(new DeliveryMessage("a1", declinedReminder.Id), CancellationToken.None);
        await service.DeliverAsync(new DeliveryMessage("a1", reminder.Id), CancellationToken.None);

        Assert.Equal("+77011234599", Assert.Single(sms.Sent).To);
        var withdrawn = (await store.GetDeliveryAsync("a1", declinedReminder.Id, CancellationToken.None))!;
        Assert.Equal((DeliveryState.Withdrawn, "the recipient said they cannot go"), (withdrawn.State, withdrawn.Error));
        Assert.Equal(DeliveryState.Sent, (await store.GetDeliveryAsync("a1", reminder.Id, CancellationToken.None))!.State);
    }

    private static readonly RapidResponse.Contacts.Contact Aigerim =
        new("c1", "KZ", "Aigerim N.", RapidResponse.Contacts.ContactRole.Lawyer, 1, "+77011234567", "aigerim@example.org", "ru", true);

    private async Task<(DeliveryService, AlertStore, DeliveryMessage)> SetUpAsync()
    {
        var table = await SharedAzurite.NewTableAsync("alerts");
        var store = new AlertStore(table);
        responses = new RapidResponse.Responses.ResponseStore(table);
        declines = new RapidResponse.Responses.RecipientResponseStore(table);
        var alert = AlertStoreTests.Alert("a1");
        await store.CreateAsync(alert, new TimelineEntry(time.GetUtcNow(), "accepted", "Alert accepted"), CancellationToken.None);
        var delivery = AlertStoreTests.Delivery("a1", "KZ|c1|sms");
        await store.AddDeliveriesAsync([delivery], CancellationToken.None);
        fallback = await TestFallback.CreateAsync(store, time);
        var content = new ComposerContent(new FixedComposer());
        outages = await TestOutages.CreateAsync(sms, email, time);
        var options = Microsoft.Extensions.Options.Options.Create(new RapidResponseOptions { AdminKey = new string('k', 32), PublicBaseUrl = new Uri("https://rr.example.org") });
        var batches = new EmailBatchService(store, content, email, fallback.Fallback, outages, new DeliveryQueue(fallback.Queue), NoSendBudget.Instance, options, time, NullLogger<EmailBatchService>.Instance);
        var phones = new RapidResponse.Responses.PhoneIndex(await SharedAzurite.NewTableAsync("phones"), new RapidResponse.Security.PhoneHasher(options));
        var service = new DeliveryService(store, new RecentAlerts(store, time), content, sms, email, new NoCalls(), new WhatsAppDispatch(new NoWhatsApp(), content), fallback.Fallback, batches, phones, outages, new DeliveryQueue(fallback.Queue), NoSendBudget.Instance, new DeliveryWithdrawals(responses, declines), options, time, NullLogger<DeliveryService>.Instance);
        return (service, store, new DeliveryMessage("a1", delivery.Id));
    }

    private sealed class NoWhatsApp : RapidResponse.Channels.WhatsApp.IWhatsAppSender
    {
        public string? TemplateFor(string language) => null;

        public Task<SendOutcome> SendAsync(RapidResponse.Channels.WhatsApp.WhatsAppMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("These tests send no WhatsApp.");
    }

    private sealed class NoCalls : RapidResponse.Channels.Voice.ICallPlacer
    {
        public Task<SendOutcome> PlaceAsync(RapidResponse.Channels.Voice.CallRequest call, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("These tests place no calls.");
    }

    private sealed class RecordingSms : ISmsSender
    {
        public List<SmsMessage> Sent { get; } = [];

        public int Calls { get; private set; }

        public Func<SmsMessage, SendOutcome>? Next { get; set; }

        /// <summary>What the provider took even though the sender heard no answer (a dropped connection).</summary>
        public List<SmsMessage> TakenUnanswered { get; } = [];

        public int Lookups { get; private set; }

        public Task<string?> FindSentAsync(SmsMessage message, DateTimeOffset since, CancellationToken cancellationToken)
        {
            Lookups++;
            var index = TakenUnanswered.FindIndex(m => m.To == message.To && m.Body == message.Body);
            return Task.FromResult(index < 0 ? null : $"SM-taken-{index}");
        }

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

    private sealed class FixedComposer : IAlertComposer
    {
        public SmsText ComposeSms(Alert alert, Recipient recipient) => new($"SMS for {recipient.Name}");

        public EmailText ComposeEmail(Alert alert, Recipient recipient) => new("s", "t", "h", []);
    }
}
