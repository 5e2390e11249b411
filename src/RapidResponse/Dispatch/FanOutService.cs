using System.Text.Json;
using Microsoft.Extensions.Logging;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Escalation;
using RapidResponse.Storage;
using RapidResponse.Telemetry;

namespace RapidResponse.Dispatch;

/// <summary>
/// Turns an accepted alert into deliveries: the region chain's active tier-1 contacts, one Delivery row per
/// recipient × channel, and one <c>deliveries</c> message per send still to make. Running it twice for the same
/// alert adds nothing new and re-issues only unsent deliveries, so a retried fan-out loses and duplicates nothing.
/// </summary>
public sealed partial class FanOutService(
    AlertStore alerts,
    ContactStore contacts,
    DeliveryPlanner planner,
    EscalationScheduler escalations,
    PendingWork pending,
    FirstSends firsts,
    TimeProvider time,
    ILogger<FanOutService> logger,
    OpenAlerts? open = null)
{
    public const int FirstTier = 1;

    /// <summary>
    /// How many lawyers' SMS of each alert the fan-out sends itself, urgent in the send budget, with their copies on
    /// <c>deliveries-urgent</c>. Few, so that in a storm every alert's first lawyers stay a small, fast queue (40 alerts
    /// × 3 = 120 sends ahead of the bulk), whatever the size of each.
    /// </summary>
    public const int UrgentPerAlert = 3;

    /// <summary>
    /// Well past <see cref="AlertIntake.WriteTimeout"/>, and well within the message's retries (host.json: 12 tries,
    /// 10 s apart), so an orphaned message ends here instead of in the poison queue.
    /// </summary>
    public static readonly TimeSpan NeverAcceptedAfter = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan FirstLookAgain = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LastLookAgain = TimeSpan.FromMilliseconds(640);

    /// <summary>
    /// The <c>deliveries</c> messages to enqueue, lawyers' SMS first; the first <see cref="UrgentPerAlert"/> lawyers'
    /// SMS are sent here (<see cref="FirstSends"/>), before the rest are handed back.
    /// </summary>
    public async Task<string[]> FanOutAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        using var trace = RapidResponseTelemetry.Trace(logger, "alert.fan-out", message.AlertId, message.TraceParent);
        if (await AcceptedAlertAsync(message.AlertId, cancellationToken) is not { } alert)
        {
            LogNeverAccepted(message.AlertId);
            return [];
        }

        var chain = RegionCode.Chain(alert.Region);
        var lists = Task.WhenAll(chain.Select(region => contacts.ListActiveAsync(region, FirstTier, cancellationToken)));
        var optOuts = planner.OptOutsAsync(cancellationToken);
        await Task.WhenAll(lists, optOuts);
        var recipients = DeliveryPlanner.Without(RecipientSelector.Select((await lists).SelectMany(list => list)), await optOuts);

        var now = time.GetUtcNow();
        var fresh = recipients.Select(r => DeliveryPlanner.NewAlertDelivery(alert.Id, r.Contact, r.Channel, now)).OrderBy(SendOrder).ToList();

        // The first transaction holds the first lawyers: their SMS go out from here as soon as it is in, while the rest
        // of a large alert's rows are still being written.
        var (planned, added) = await AddAsync(alert.Id, fresh.Take(AlertStore.TransactionSize).ToList(), cancellationToken);
        var traceParent = RapidResponseTelemetry.CurrentTraceParent();
        var urgent = planned.Where(d => !d.State.IsHandedOver() && IsUrgent(d)).Take(UrgentPerAlert).ToList();
        var rest = AddAsync(alert.Id, fresh.Skip(AlertStore.TransactionSize).ToList(), cancellationToken);
        await Task.WhenAll(firsts.SendAsync(urgent.Select(d => new DeliveryMessage(alert.Id, d.Id, traceParent)).ToList(), cancellationToken), rest);
        var (restPlanned, restAdded) = await rest;
        planned.AddRange(restPlanned);
        added.AddRange(restAdded);

        // Every time, even on a retried fan-out: a repeated step is ignored, a missing one would never escalate. Once
        // the rows are in, they say what is left to send: the watchdog stops re-issuing the fan-out.
        await Task.WhenAll(
            escalations.ScheduleFirstAsync(alert, cancellationToken),
            RecordAsync(alert, planned, added, now, cancellationToken),
            pending.FannedOutAsync(alert.Id, cancellationToken),
            open?.OpenedAsync(alert, cancellationToken) ?? Task.CompletedTask);
        LogFannedOut(alert.Id, string.Join(" → ", chain), planned.Count, added.Count);
        if (added.Count > 0 || planned.Count == 0)
        {
            RapidResponseTelemetry.FannedOut(planned.Count);
        }

        return Messages(alert.Id, planned.Where(d => !d.State.IsHandedOver()).Except(urgent), traceParent);
    }

    /// <summary>Lawyers' SMS first (the first of them urgent), then the other sends one by one, then the emails.</summary>
    private static int SendOrder(Delivery delivery) => delivery switch
    {
        _ when IsUrgent(delivery) => 0,
        { Channel: Channel.Email } => 2,
        _ => 1,
    };

    private static bool IsUrgent(Delivery delivery) =>
        delivery is { Channel: Channel.Sms, Role: ContactRole.Lawyer, Kind: DeliveryKind.Alert };

    /// <summary>The fan-out on the alert's timeline; nobody to alert is recorded too, never silent.</summary>
    private async Task RecordAsync(Alert alert, List<Delivery> planned, List<Delivery> added, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (added.Count > 0)
        {
            await alerts.AppendTimelineAsync(alert.Id, new TimelineEntry(now, "fan-out", Describe(added)), cancellationToken);
        }
        else if (planned.Count == 0)
        {
            // Nobody to alert must be visible to the organizer and the operators, never silent.
            await alerts.AppendTimelineAsync(alert.Id, new TimelineEntry(now, "no-recipients", "No active contacts for this region yet"), cancellationToken);
            LogNoRecipients(alert.Id, alert.Region);
        }
    }

    /// <summary>
    /// The deliveries as stored, and those added now. The first time round every delivery is new, so they are added
    /// without a read first; a retried fan-out finds some added already, and keeps those as they are.
    /// </summary>
    private async Task<(List<Delivery> Planned, List<Delivery> Added)> AddAsync(string alertId, List<Delivery> fresh, CancellationToken cancellationToken) =>
        fresh.Count == 0 || await alerts.TryAddDeliveriesAsync(fresh, cancellationToken)
            ? (fresh, [.. fresh])
            : await AddMissingAsync(alertId, fresh, cancellationToken);

    private async Task<(List<Delivery> Planned, List<Delivery> Added)> AddMissingAsync(
        string alertId, IReadOnlyList<Delivery> fresh, CancellationToken cancellationToken)
    {
        var existing = (await alerts.ListDeliveriesAsync(alertId, cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var planned = fresh.Select(d => existing.GetValueOrDefault(d.Id) ?? d).ToList();
        var added = planned.Where(d => !existing.ContainsKey(d.Id)).ToList();
        await alerts.AddDeliveriesAsync(added, cancellationToken);
        return (planned, added);
    }

    /// <summary>
    /// The alert row for a message. The intake writes the row and the message at once, so the message can arrive a
    /// few milliseconds first: look again, briefly. Still missing, the message is retried through its visibility, up
    /// to <see cref="NeverAcceptedAfter"/> after the press; by then a missing row means the press was answered
    /// <c>503</c> and never retried, so there is nothing to send (null).
    /// </summary>
    private async Task<Alert?> AcceptedAlertAsync(string alertId, CancellationToken cancellationToken)
    {
        for (var wait = FirstLookAgain; ; wait *= 2)
        {
            if (await alerts.GetAsync(alertId, cancellationToken) is { } alert)
            {
                return alert;
            }

            if (wait > LastLookAgain)
            {
                break;
            }

            await Task.Delay(wait, cancellationToken);
        }

        return Ids.CreatedAt(alertId) is { } pressed && time.GetUtcNow() - pressed > NeverAcceptedAfter
            ? null
            : throw new InvalidOperationException($"Alert {alertId} is on the queue but not (yet) in the table.");
    }

    /// <summary>
    /// One message per SMS (lawyers first); emails that say the same (same role and language) go in batches, one
    /// provider request each.
    /// </summary>
    private static string[] Messages(string alertId, IEnumerable<Delivery> unsent, string? traceParent)
    {
        var sends = unsent.ToList();
        var single = sends.Where(d => d.Channel != Channel.Email)
            .Select(d => new DeliveryMessage(alertId, d.Id, traceParent));
        var batched = sends.Where(d => d.Channel == Channel.Email)
            .GroupBy(d => (d.Role, d.Language))
            .SelectMany(group => group.Chunk(EmailBatchService.MaxPerMessage))
            .Select(chunk => chunk.Length == 1
                ? new DeliveryMessage(alertId, chunk[0].Id, traceParent)
                : new DeliveryMessage(alertId, chunk[0].Id, traceParent, chunk.Select(d => d.Id).ToArray()));
        return single.Concat(batched).Select(m => JsonSerializer.Serialize(m, QueueJson.Default.DeliveryMessage)).ToArray();
    }

    private static string Describe(IReadOnlyCollection<Delivery> added)
    {
        var byRole = added.GroupBy(d => d.Role).Select(g => $"{g.Count()} {g.Key.ToWire()}{(g.Count() == 1 ? "" : "s")}");
        return $"Alerting {added.Count} recipient{(added.Count == 1 ? "" : "s")}: {string.Join(", ", byRole)}";
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Alert {AlertId} was queued but never stored (its press was refused and not retried); nothing to send")]
    private partial void LogNeverAccepted(string alertId);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Alert {AlertId} in {Region} has no active tier-1 contacts anywhere in its chain")]
    private partial void LogNoRecipients(string alertId, string region);

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Alert {AlertId} fanned out over {Chain}: {Recipients} recipients, {Added} new")]
    private partial void LogFannedOut(string alertId, string chain, int recipients, int added);
}
