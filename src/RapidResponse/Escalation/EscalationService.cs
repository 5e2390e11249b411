using Microsoft.Extensions.Logging;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Responses;

namespace RapidResponse.Escalation;

/// <summary>
/// Runs an escalation step when it falls due. Acknowledgement is per role: a lawyer's YES stops the escalation of
/// lawyers, while NGOs (and every other role) keep being escalated until one of theirs acknowledges. A resolved alert
/// never escalates; an alert called off with the duress code escalates to every tier at once.
/// Idempotent: a step's deliveries have fixed ids and the step is marked done, so a repeated message adds nothing.
/// </summary>
public sealed partial class EscalationService(
    AlertStore alerts,
    ResponseStore responses,
    RecipientResponseStore recipientResponses,
    ContactStore contacts,
    EscalationPolicyStore policies,
    EscalationScheduler scheduler,
    DeliveryPlanner planner,
    CallPlanner calls,
    TimeProvider time,
    ILogger<EscalationService> logger)
{
    public const int DuressStep = 0;

    public async Task HandleAsync(EscalationMessage message, CancellationToken cancellationToken)
    {
        var alert = await alerts.GetAsync(message.AlertId, cancellationToken);
        if (alert is null)
        {
            LogMissing(message.AlertId);
            return;
        }

        if (message.Duress)
        {
            await StepAsync(alert, DuressStep, new EscalationStep(0, EscalationScope.Chain, null, Remind: false), null, cancellationToken);
            return;
        }

        if (alert.Status == AlertStatus.Resolved)
        {
            LogResolved(alert.Id, message.Step);
            return;
        }

        var policy = await policies.ForAlertAsync(alert.Region, cancellationToken);
        if (policy.Step(message.Step) is { } step && !await responses.IsStepDoneAsync(alert.Id, message.Step, cancellationToken))
        {
            await StepAsync(alert, message.Step, step, policy, cancellationToken);
        }
    }

    private async Task StepAsync(Alert alert, int number, EscalationStep step, EscalationPolicy? policy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var duress = number == DuressStep;

        // Under duress every role is alerted again, whoever acknowledged: the all-clear was forced.
        var answering = duress ? Task.FromResult(AlertAnswers.None) : AlertAnswers.ReadAsync(responses, recipientResponses, alert.Id, cancellationToken);
        var existing = (await alerts.ListDeliveriesAsync(alert.Id, cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var answers = await answering;

        IReadOnlyList<string> regions = step.Scope switch
        {
            EscalationScope.Chain => RegionCode.Chain(alert.Region),
            EscalationScope.Intl => [RegionCode.International],
            _ => [],
        };
        // STOP is honoured for the step's new recipients and for reminders alike (a lawyer may opt out mid-alert).
        var reading = planner.OptOutsAsync(cancellationToken);
        var lists = await Task.WhenAll(regions.Select(region => ListAsync(region, step.Tier, cancellationToken)));
        var optOuts = await reading;
        var recipients = DeliveryPlanner.Without(
            RecipientSelector.Select(lists.SelectMany(l => l)).Where(r => !answers.AcknowledgedRoles.Contains(r.Contact.Role)).ToList(),
            optOuts);
        var widened = recipients.Select(r => DeliveryPlanner.NewAlertDelivery(alert.Id, r.Contact, r.Channel, now));
        var reminders = step.Remind
            ? existing.Values
                .Where(d => d.Kind == DeliveryKind.Alert && answers.Awaits(d.Role, d.Id) && !d.State.IsFinalFailure())
                .Where(d => !DeliveryPlanner.OptedOut(d, optOuts))
                .Select(d => DeliveryKinds.Later(d, DeliveryKinds.ReminderId(d, number), DeliveryKind.Reminder, Number(number), now))
            : [];
        var called = step.Call ? await calls.CallsAsync(number, existing.Values, answers, now, cancellationToken) : [];

        var added = await planner.AddAndQueueAsync(widened.Concat(reminders).Concat(called), existing, cancellationToken);
        if (policy is not null)
        {
            // Before marking the step done: a crash in between repeats this step rather than losing the next.
            await scheduler.ScheduleAsync(alert, policy, number + 1, cancellationToken);
        }

        if (await responses.TryMarkStepDoneAsync(alert.Id, number, now, cancellationToken))
        {
            await alerts.AppendTimelineAsync(alert.Id, Entry(step, duress, added, answers.AcknowledgedRoles, now), cancellationToken);
            LogStep(alert.Id, number, added.Count);
        }
    }

    private async Task<IReadOnlyList<Contact>> ListAsync(string region, int? tier, CancellationToken cancellationToken) =>
        tier is { } t
            ? await contacts.ListActiveAsync(region, t, cancellationToken)
            : (await contacts.ListAsync(region, cancellationToken)).Where(c => c.Active).ToList();

    private static TimelineEntry Entry(EscalationStep step, bool duress, IReadOnlyList<Delivery> added, IReadOnlySet<ContactRole> acknowledged, DateTimeOffset now)
    {
        var alerted = added.Where(d => d.Kind == DeliveryKind.Alert).ToList();
        var called = added.Count(d => d.Kind == DeliveryKind.Call);
        var reminded = added.Count - alerted.Count - called;
        var parts = new List<string>();
        if (alerted.Count > 0)
        {
            parts.Add("alerting " + string.Join(", ", alerted.GroupBy(d => d.Role).Select(g => $"{g.Count()} {g.Key.ToWire()}{(g.Count() == 1 ? "" : "s")}")));
        }

        if (reminded > 0)
        {
            parts.Add($"reminding {reminded}");
        }

        if (called > 0)
        {
            parts.Add($"calling {called} lawyer{(called == 1 ? "" : "s")}");
        }

        var what = parts.Count == 0 ? "nobody further to alert" : string.Join("; ", parts);
        if (duress)
        {
            return new TimelineEntry(now, "duress-escalation", $"Duress signal: every tier alerted; {what}");
        }

        var waiting = acknowledged.Count == 0 ? "Nobody acknowledged" : $"Only {string.Join(" and ", acknowledged.Order().Select(Plural))} acknowledged";
        var scope = step.Scope switch
        {
            EscalationScope.Chain => step.Tier is { } t ? $"tier {t}" : "every tier",
            EscalationScope.Intl => step.Tier is { } i ? $"INTL tier {i}" : "every tier of INTL",
            _ => null,
        };
        return scope is null
            ? new TimelineEntry(now, "escalation", $"{waiting} after {Minutes(step.After)}: {(called > 0 ? what : "nobody to call")}")
            : new TimelineEntry(now, "escalation", $"{waiting} after {Minutes(step.After)}: escalated to {scope}; {what}");
    }

    private static string Plural(ContactRole role) => role switch
    {
        ContactRole.Ngo => "NGOs",
        ContactRole.Ally => "allies",
        _ => role.ToWire() + "s",
    };

    private static string Minutes(TimeSpan after) =>
        after.TotalMinutes >= 1
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{after.TotalMinutes:0.#} min")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{after.TotalSeconds:0} s");

    private static string Number(int step) => step.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Alert {AlertId}: escalation step {Step} done, {Added} new deliveries")]
    private partial void LogStep(string alertId, int step, int added);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Alert {AlertId} is resolved; escalation step {Step} skipped")]
    private partial void LogResolved(string alertId, int step);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Escalation for alert {AlertId}, which is not in the table")]
    private partial void LogMissing(string alertId);
}
