using Microsoft.Extensions.Logging;
using RapidResponse.Alerts;
using RapidResponse.Security;

namespace RapidResponse.Responses;

/// <summary>
/// The duress signal, and what the organizer's credential meets once the alert is closed to it: the same answers
/// after a duress resolve as after a good one (<see cref="OrganizerCut"/>), while responders and coordinators see
/// the truth.
/// </summary>
public sealed partial class FollowUpService
{
    /// <summary>
    /// Called off under duress: everyone alerted is told, every tier is alerted, and the alert stays open for them.
    /// The organizer's side sees exactly a resolve (<see cref="OrganizerCut"/>). The code also works after a good
    /// resolve: whoever forced the phone out of the organizer's hands came later.
    /// </summary>
    private async Task DuressAsync(Alert alert, FollowUpRecord followUp, CancellationToken cancellationToken)
    {
        // The organizer's screen shows the same "resolved" entry as a good resolve (once); the duress entry is for
        // responders and coordinators. One transaction, so the answer takes as long as a good resolve's.
        var now = followUp.At;
        List<TimelineEntry> entries = alert.ClosedAt is null
            ? [new(now, OrganizerCut.ResolvedKind, $"{ResolvedText}: {followUp.Status}"), new(now, "duress", "Resolved with the duress code: escalating to every tier")]
            : [new(now, "duress", "Duress code entered after the resolve: escalating to every tier")];
        await alerts.AppendTimelineAsync(alert.Id, entries, cancellationToken);
        await Task.WhenAll(SendAsync(alert, followUp, cancellationToken), escalations.EscalateNowAsync(alert.Id, cancellationToken));
        LogDuress(alert.Id);
    }

    /// <summary>
    /// A resolve or an update for an alert already closed to this caller: sent to nobody, answered as for any closed
    /// alert, and kept on the record for responders and coordinators, whose view goes on after the close. The same
    /// single write after a good resolve as after a duress resolve, so the two take the same time.
    /// </summary>
    private async Task RecordAfterCloseAsync(Alert alert, string what, string status, string? message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (kind, after) = alert.DuressAt is null ? ("after-resolve", "after the resolve") : ("after-duress", "after a duress resolve");
        var text = $"{what} received {after}, not sent: {status}" + (message is null ? "" : $" ({message})");
        await alerts.AppendTimelineAsync(alert.Id, new TimelineEntry(now, kind, text), cancellationToken);
        LogAfterClose(alert.Id, kind);
    }

    /// <summary>Closed as the caller sees it: the organizer's side closes at a duress resolve too; coordinators see the truth.</summary>
    private static bool IsClosedFor(Caller caller, Alert alert) =>
        caller.IsAdmin ? alert.Status == AlertStatus.Resolved : alert.ClosedAt is not null;

    private static string How(bool safe, bool duress) => safe ? "with the safe code" : duress ? "with the duress code" : "without a code";

    [LoggerMessage(EventId = 4122, Level = LogLevel.Information, Message = "Alert {AlertId} is closed to its caller; a follow-up was recorded as {Kind} and not sent")]
    private partial void LogAfterClose(string alertId, string kind);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Warning, Message = "Alert {AlertId} resolved with the duress code; escalating to every tier")]
    private partial void LogDuress(string alertId);
}
