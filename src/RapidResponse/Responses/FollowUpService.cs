using Microsoft.Extensions.Logging;
using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.Escalation;
using RapidResponse.Http;
using RapidResponse.Organizers;
using RapidResponse.Security;

namespace RapidResponse.Responses;

/// <summary>
/// Resolve and update an alert: a follow-up to everyone alerted (SMS to those alerted by SMS, email with the updated
/// draft to NGOs), through the same Delivery rows and queue as the alert. Resolving stops escalation and closes the
/// alert. As on an alarm panel, with a safe code set a resolve must carry it; the duress code answers exactly like a
/// good resolve but keeps the alert open, tells everyone alerted it is a duress signal and escalates to every tier.
/// Everything the organizer's credential reaches afterwards (a second resolve, an update) answers as for a resolved
/// alert; what it says is recorded for responders and coordinators, and sent to nobody.
/// </summary>
public sealed partial class FollowUpService(
    AlertStore alerts,
    ResponseStore responses,
    DeliveryPlanner planner,
    EscalationScheduler escalations,
    TimeProvider time,
    ILogger<FollowUpService> logger,
    ActionLimiter? limits = null,
    OrganizerStore? organizers = null,
    OpenAlerts? open = null)
{
    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string>(StringComparer.Ordinal) { "safe", "false-alarm", "released", "other" };
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal) { "still-held", "charged", "released", "injured", "other" };
    public const int MaxMessageLength = 500;
    public const string ResolvedText = "Resolved by the organizer";
    public const string ClosedDetail = "The alert is resolved; raise a new one if something else happens.";

    // Each race costs one read and one write; fifty updates at once settle well within this.
    private const int MaxAttempts = 200;

    public async Task<Result<AlertChanged>> ResolveAsync(Caller caller, string alertId, ResolveRequest request, CancellationToken cancellationToken)
    {
        if (await alerts.GetAsync(alertId, cancellationToken) is not { } alert || !caller.MayRead(alert.OrganizerId, alert.Region))
        {
            return Problem.NotFound($"No alert '{alertId}' for this caller.");
        }

        var errors = FieldErrors.For(request);
        if (request.Outcome is null || !Outcomes.Contains(request.Outcome))
        {
            errors.Add("outcome", "must be one of safe, false-alarm, released, other");
        }

        var message = errors.OptionalText("message", request.Message, MaxMessageLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // Before the code is checked, and whatever state the alert is in: a flood (or a guess at the safe code) meets
        // the same limit after either kind of resolve.
        if (await LimitedAsync(caller, LimitedAction.Resolve, cancellationToken) is { } limited)
        {
            return limited;
        }

        // Both codes are always checked, so a duress resolve takes as long as a good one.
        var codes = caller.Organizer?.Codes;
        var isSafe = codes?.Salt is { } salt && CodeHasher.Matches(request.Code, salt, codes.SafeCode);
        var isDuress = codes?.Salt is { } salt2 && CodeHasher.Matches(request.Code, salt2, codes.DuressCode);
        if (!isDuress && codes?.SafeCode is not null && !isSafe)
        {
            LogWrongCode(alert.Id);
            return Problem.Forbidden("The safe code is missing or wrong.");
        }

        // A code hashed at an older work factor is stored again at today's, once, whichever of the two it was.
        if ((isSafe || isDuress) && organizers is not null)
        {
            await organizers.RehashIfOldAsync(caller.Organizer!, isDuress ? OrganizerCode.Duress : OrganizerCode.Safe, request.Code!, cancellationToken);
        }

        // Concurrent resolves and updates are put in one order by the alert row's ETag: one resolve wins, the others
        // find the alert closed and answer as a repeat; an update that lost to a resolve finds it closed too.
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            if (isDuress && alert.DuressAt is null)
            {
                if (await responses.TryAddFollowUpAsync(alert, FollowUpKind.Duress, request.Outcome!, message, now, cancellationToken) is { } duress)
                {
                    await DuressAsync(alert, duress, cancellationToken);
                    break;
                }
            }
            else if (IsClosedFor(caller, alert))
            {
                await RecordAfterCloseAsync(alert, $"Resolve {How(isSafe, isDuress)}", request.Outcome!, message, now, cancellationToken);
                break;
            }
            else if (await responses.TryAddFollowUpAsync(alert, FollowUpKind.Resolution, request.Outcome!, message, now, cancellationToken) is { } resolution)
            {
                await alerts.AppendTimelineAsync(alert.Id, new TimelineEntry(now, OrganizerCut.ResolvedKind, $"{ResolvedText}: {request.Outcome}"), cancellationToken);
                await (open?.ClosedAsync(alert.Id, cancellationToken) ?? Task.CompletedTask);
                await SendAsync(alert, resolution, cancellationToken);
                break;
            }

            alert = await ReadAgainAsync(alert.Id, attempt, cancellationToken);
        }

        return new AlertChanged(alert.Id, "resolved");
    }

    public async Task<Result<AlertChanged>> UpdateAsync(Caller caller, string alertId, UpdateRequest request, CancellationToken cancellationToken)
    {
        if (await alerts.GetAsync(alertId, cancellationToken) is not { } alert || !caller.MayRead(alert.OrganizerId, alert.Region))
        {
            return Problem.NotFound($"No alert '{alertId}' for this caller.");
        }

        var errors = FieldErrors.For(request);
        if (request.Status is null || !Statuses.Contains(request.Status))
        {
            errors.Add("status", "must be one of still-held, charged, released, injured, other");
        }

        var message = errors.OptionalText("message", request.Message, MaxMessageLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await LimitedAsync(caller, LimitedAction.Update, cancellationToken) is { } limited)
        {
            return limited;
        }

        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            if (IsClosedFor(caller, alert))
            {
                // Kept on the record for responders and coordinators (after a duress resolve it may be the organizer's
                // own words, or the coercer's), sent to nobody, and answered as any resolved alert answers.
                await RecordAfterCloseAsync(alert, "Update", request.Status!, message, now, cancellationToken);
                return Problem.Conflict(ClosedDetail);
            }

            if (await responses.TryAddFollowUpAsync(alert, FollowUpKind.Update, request.Status!, message, now, cancellationToken) is { } followUp)
            {
                await alerts.AppendTimelineAsync(alert.Id, new TimelineEntry(now, "update", $"Update: {request.Status}"), cancellationToken);
                await SendAsync(alert, followUp, cancellationToken);
                return new AlertChanged(alert.Id, "open");
            }

            alert = await ReadAgainAsync(alert.Id, attempt, cancellationToken);
        }
    }

    /// <summary>An organizer past its allowance waits; coordinators are not limited.</summary>
    private async Task<Problem?> LimitedAsync(Caller caller, LimitedAction action, CancellationToken cancellationToken)
    {
        if (limits is null || caller.Organizer is not { } organizer
            || await limits.TryTakeAsync(organizer.Id, action, cancellationToken) is not { } wait)
        {
            return null;
        }

        LogLimited(organizer.Id, action, wait);
        return Problem.TooManyRequests($"Too many {(action == LimitedAction.Update ? "updates" : "resolves")} from this organizer in a short time. Try again after the wait.", wait);
    }

    /// <summary>The alert changed since it was read (a racing resolve or update): a short random pause, then read it again.</summary>
    private async Task<Alert> ReadAgainAsync(string alertId, int attempt, CancellationToken cancellationToken)
    {
        if (attempt >= MaxAttempts)
        {
            throw new InvalidOperationException($"Alert {alertId}: the follow-up lost {MaxAttempts} races in a row.");
        }

        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), cancellationToken);
        return await alerts.GetAsync(alertId, cancellationToken) ?? throw new InvalidOperationException($"Alert {alertId} vanished.");
    }

    /// <summary>One follow-up per recipient × channel that was alerted (fixed ids: a retried request sends nothing twice).</summary>
    private async Task SendAsync(Alert alert, FollowUpRecord followUp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var existing = (await alerts.ListDeliveriesAsync(alert.Id, cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var number = followUp.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var followUps = existing.Values
            .Where(d => d.Kind == DeliveryKind.Alert)
            .Select(d => DeliveryKinds.Later(d, DeliveryKinds.FollowUpId(d, followUp.Number), DeliveryKind.FollowUp, number, now));
        await planner.AddAndQueueAsync(followUps, existing, cancellationToken);
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Resolve of alert {AlertId} refused: safe code missing or wrong")]
    private partial void LogWrongCode(string alertId);

    [LoggerMessage(EventId = 4123, Level = LogLevel.Warning, Message = "Organizer {OrganizerId} went past its {Action} allowance; asked to wait {Wait}")]
    private partial void LogLimited(string organizerId, LimitedAction action, TimeSpan wait);
}
