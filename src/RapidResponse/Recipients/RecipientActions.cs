using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Http;
using RapidResponse.Responses;

namespace RapidResponse.Recipients;

/// <summary>
/// What a recipient does from their page: "I'm responding" (the same acknowledgement as a YES reply), "I can't go"
/// (when nobody of that role is left to wait for, the next escalation step runs now), and a short status, which
/// goes to the alert's timeline, where the organizer reads it.
/// </summary>
public sealed class RecipientActions(
    AcknowledgementService acknowledgements,
    DeclineService declines,
    RecipientResponseStore recipientResponses,
    AlertStore alerts,
    TimeProvider time)
{
    public const int MaxNoteLength = 200;

    /// <summary>The statuses a responder on the ground can give with one tap.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["on-the-way", "at-police-station", "with-detained-person", "denied-access", "other"];

    public Task<Problem?> AcknowledgeAsync(RecipientTarget target, CancellationToken cancellationToken) =>
        AcknowledgeAsync(target, target.Delivery.Channel, cancellationToken);

    /// <summary>The same, said another way than the delivery's own channel (a key press on a call).</summary>
    public async Task<Problem?> AcknowledgeAsync(RecipientTarget target, Channel via, CancellationToken cancellationToken)
    {
        if (Closed(target.Alert) is { } closed)
        {
            return closed;
        }

        await acknowledgements.AcknowledgeAsync(target.Alert, target.Delivery, via, cancellationToken);
        return null;
    }

    public async Task<Problem?> DeclineAsync(RecipientTarget target, CancellationToken cancellationToken)
    {
        if ((Closed(target.Alert) ?? InPerson(target.Delivery)) is { } refused)
        {
            return refused;
        }

        return await declines.DeclineAsync(target.Alert, target.Delivery, cancellationToken)
            ? null
            : Problem.Conflict("You told the organiser you are responding; send a status instead.");
    }
    public async Task<Problem?> AddStatusAsync(RecipientTarget target, RecipientStatusRequest request, CancellationToken cancellationToken)
    {
        var (alert, delivery) = target;
        var errors = FieldErrors.For(request);
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
        await recipientResponses.AddStatusAsync(alert.Id, new ResponderStatus(delivery.Id, Names.Of(delivery), delivery.Role, status!, note, now), cancellationToken);
        var words = status!.Replace('-', ' ') + (note is null ? "" : $": \"{note}\"");
        await alerts.AppendTimelineAsync(alert.Id, new TimelineEntry(now, "responder-status", $"{Names.Of(delivery)} ({delivery.Role.ToWire()}): {words}"), cancellationToken);
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
}
