using Microsoft.Extensions.Logging;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Escalation;
using RapidResponse.Http;
using RapidResponse.Responses;

namespace RapidResponse.Recipients;

/// <summary>
/// What a recipient does from their page: "I'm responding" (the same acknowledgement as a YES reply), "I can't go"
/// (when nobody of that role is left to wait for, the next escalation step runs now), and a short status, which
/// goes to the alert's timeline, where the organizer reads it.
/// </summary>
public sealed partial class RecipientActions(
    AcknowledgementService acknowledgements,
    ResponseStore responses,
    RecipientResponseStore recipientResponses,
    AlertStore alerts,
    EscalationPolicyStore policies,
    EscalationScheduler scheduler,
    TimeProvider time,
    ILogger<RecipientActions> logger)
{
    public const int MaxNoteLength = 200;

    /// <summary>The statuses a responder on the ground can give with one tap.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["on-the-way", "at-police-station", "with-detained-person", "denied-access", "other"];

    public async Task<Problem?> AcknowledgeAsync(RecipientTarget target, CancellationToken cancellationToken)
    {
        if (Closed(target.Alert) is { } closed)
        {
            return closed;
        }

        await acknowledgements.AcknowledgeAsync(target.Alert, target.Delivery, target.Delivery.Channel, cancellationToken);
        return null;
    }

    public async Task<Problem?> DeclineAsync(RecipientTarget target, CancellationToken cancellationToken)
    {
        var (alert, delivery) = target;
        if ((Closed(alert) ?? InPerson(delivery)) is { } refused)
        {
            return refused;
        }

        var acknowledged = await responses.ListAcknowledgementsAsync(alert.Id, cancellationToken);
        if (acknowledged.Any(a => a.DeliveryId == delivery.Id))
        {
            return Problem.Conflict("You told the organiser you are responding; send a status instead.");
        }

        var now = time.GetUtcNow();
        if (!await recipientResponses.TryDeclineAsync(alert.Id, delivery.Id, now, cancellationToken))
        {
            return null;
        }

        await alerts.AppendTimelineAsync(alert.Id, new TimelineEntry(now, "declined", $"{FirstName(delivery)} ({delivery.Role.ToWire()}) cannot go"), cancellationToken);
        if (acknowledged.All(a => a.Role != delivery.Role) && await NobodyLeftAsync(alert, delivery.Role, cancellationToken))
        {
            await EscalateNowAsync(alert, cancellationToken);
        }

        return null;
    }

    public async Task<Problem?> AddStatusAsync(RecipientTarget target, RecipientStatusRequest request, CancellationToken cancellationToken)
    {
        var (alert, delivery) = target;
        var errors = new FieldErrors();
        var status = request.Status?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(status))
        {
            errors.Add("status", "is required: one of " + string.Join(", ", Statuses));
        }
        else if (!Statuses.Contains(status, StringComparer.Ordinal))
        {
            errors.Add("status", "must be one of " + string.Join(", ", Statuses));
        }

        var note = errors.OptionalText("note", request.Note, MaxNoteLength);
        if (status == "other" && note is null)
        {
            errors.Add("note", "is required when status is 'other'");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if ((Closed(alert) ?? InPerson(delivery)) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        await recipientResponses.AddStatusAsync(alert.Id, new ResponderStatus(delivery.Id, FirstName(delivery), delivery.Role, status!, note, now), cancellationToken);
        var words = status!.Replace('-', ' ') + (note is null ? "" : $": \"{note}\"");
        await alerts.AppendTimelineAsync(alert.Id, new TimelineEntry(now, "responder-status", $"{FirstName(delivery)} ({delivery.Role.ToWire()}): {words}"), cancellationToken);
        return null;
    }

    /// <summary>A resolved alert needs nothing more; one called off under duress still does.</summary>
    private static Problem? Closed(Alert alert) =>
        alert.Status == AlertStatus.Resolved && alert.DuressAt is null
            ? Problem.Conflict("This alert has been resolved; nothing more is needed.")
            : null;

    private static Problem? InPerson(Delivery delivery) =>
        delivery.Role is ContactRole.Lawyer or ContactRole.Ally
            ? null
            : Problem.Forbidden("Only responders who go in person say they cannot go or where they are.");

    /// <summary>True when every alerted recipient of the role has declined or could not be reached.</summary>
    private async Task<bool> NobodyLeftAsync(Alert alert, ContactRole role, CancellationToken cancellationToken)
    {
        var declined = await recipientResponses.DeclinedAsync(alert.Id, cancellationToken);
        var deliveries = await alerts.ListDeliveriesAsync(alert.Id, cancellationToken);
        return deliveries
            .Where(d => d.Kind == DeliveryKind.Alert && d.Role == role)
            .All(d => declined.Contains(d.Id) || d.State.IsFinalFailure());
    }

    /// <summary>Runs the first escalation step not yet done, now; its later scheduled message then finds it done.</summary>
    private async Task EscalateNowAsync(Alert alert, CancellationToken cancellationToken)
    {
        var policy = await policies.ForAlertAsync(alert.Region, cancellationToken);
        for (var step = 1; policy.Step(step) is not null; step++)
        {
            if (!await responses.IsStepDoneAsync(alert.Id, step, cancellationToken))
            {
                await scheduler.StepNowAsync(alert.Id, step, cancellationToken);
                LogEscalatedNow(alert.Id, step);
                return;
            }
        }
    }

    private static string FirstName(Delivery delivery) =>
        delivery.RecipientName.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : delivery.RecipientName;

    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Alert {AlertId}: everyone alerted of a role declined; escalation step {Step} runs now")]
    private partial void LogEscalatedNow(string alertId, int step);
}
