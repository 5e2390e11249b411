using Microsoft.Extensions.Logging;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Escalation;

namespace RapidResponse.Responses;

/// <summary>
/// Records "I can't go" (from the page or a NO reply), once per delivery, on the timeline. When every alerted
/// recipient of that role has declined (or could not be reached) and none acknowledged, the next escalation step runs
/// now instead of after its wait; reminders skip those who declined.
/// </summary>
public sealed partial class DeclineService(
    ResponseStore responses,
    RecipientResponseStore recipientResponses,
    AlertStore alerts,
    EscalationPolicyStore policies,
    EscalationScheduler scheduler,
    TimeProvider time,
    ILogger<DeclineService> logger)
{
    /// <summary>False when this delivery had acknowledged: it cannot decline any more (it may send a status).</summary>
    public async Task<bool> DeclineAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken)
    {
        var acknowledged = await responses.ListAcknowledgementsAsync(alert.Id, cancellationToken);
        if (acknowledged.Any(a => a.DeliveryId == delivery.Id))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (!await recipientResponses.TryDeclineAsync(alert.Id, delivery.Id, now, cancellationToken))
        {
            return true;
        }

        await alerts.AppendTimelineAsync(alert.Id, new TimelineEntry(now, "declined", $"{Names.Of(delivery)} ({delivery.Role.ToWire()}) cannot go"), cancellationToken);
        if (acknowledged.All(a => a.Role != delivery.Role) && await NobodyLeftAsync(alert, delivery, cancellationToken))
        {
            await EscalateNowAsync(alert, cancellationToken);
        }

        return true;
    }

    private async Task<bool> NobodyLeftAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken)
    {
        var declined = await recipientResponses.DeclinedAsync(alert.Id, cancellationToken);
        var deliveries = await alerts.ListDeliveriesAsync(alert.Id, cancellationToken);
        return deliveries
            .Where(d => d.Kind == DeliveryKind.Alert && d.Role == delivery.Role)
            .All(d => declined.Contains(d.Id) || d.State.IsFinalFailure());
    }

    /// <summary>Runs the first escalation step not yet done, now; its later scheduled message then finds it done.</summary>
    private async Task EscalateNowAsync(Alert alert, CancellationToken cancellationToken)
    {
        var policy = await policies.ForAlertAsync(alert.Region, cancellationToken);
        for (var step = 1; policy.Step(step) is not null; step++)
        {
            // A step that only calls reaches nobody new; those who declined are not called anyway.
            if (!policy.Step(step)!.CallsOnly && !await responses.IsStepDoneAsync(alert.Id, step, cancellationToken))
            {
                await scheduler.StepNowAsync(alert.Id, step, cancellationToken);
                LogEscalatedNow(alert.Id, step);
                return;
            }
        }
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Alert {AlertId}: everyone alerted of a role declined; escalation step {Step} runs now")]
    private partial void LogEscalatedNow(string alertId, int step);
}

/// <summary>How a recipient is named to others: a person by first name, an organisation (NGO, mission) in full.</summary>
public static class Names
{
    public static string Of(Delivery delivery) =>
        delivery.Role is ContactRole.Ngo or ContactRole.Diplomat
            ? delivery.RecipientName
            : delivery.RecipientName.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : delivery.RecipientName;
}
