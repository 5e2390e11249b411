using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Dispatch;
using RapidResponse.Events;
using RapidResponse.Http;
using RapidResponse.Organizers;
using RapidResponse.Storage;
using RapidResponse.Telemetry;

namespace RapidResponse.Alerts;

/// <summary>The answer to an accepted press: <c>202 {alertId, status, statusUrl}</c>.</summary>
public sealed record PanicAccepted(string AlertId, string Status, Uri StatusUrl);

/// <summary>
/// Accepts a panic press: validates it, settles idempotency, writes the alert and puts it on the <c>alerts</c>
/// queue (the two at once). It answers <c>202</c> only once both writes are durable, so an accepted alert is never
/// lost; when storage fails on the way it answers <c>503</c> with <c>Retry-After</c>, and a retry (same key, or the
/// same press within a minute) finishes raising the same alert.
/// </summary>
public sealed partial class AlertIntake(
    AlertStore alerts,
    AlertQueue queue,
    PendingWork pending,
    PressIdempotency idempotency,
    Security.ActionLimiter limiter,
    IOptions<RapidResponseOptions> options,
    TimeProvider time,
    ILogger<AlertIntake> logger,
    EventStore? events = null)
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>How long the alert row and the queue message may take to write before the press is answered <c>503</c>.</summary>
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(15);

    public async Task<Result<PanicAccepted>> RaiseAsync(
        Organizer organizer, PanicRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var registered = request.EventId is { } eventId && events is not null
            ? await events.GetAsync(organizer.Id, eventId, cancellationToken)
            : null;
        var facts = PanicValidator.Validate(request, organizer, now, registered);
        if (facts.Problem is { } problem)
        {
            return problem;
        }

        var decision = await idempotency.DecideAsync(organizer.Id, idempotencyKey, request, Ids.NewId(time), cancellationToken);
        switch (decision)
        {
            case PressDecision.Refuse refuse:
                return refuse.Problem;
            case PressDecision.Repeat repeat:
                LogRepeated(repeat.AlertId);
                return Accepted(repeat.AlertId);
        }

        var reservation = ((PressDecision.Raise)decision).Reservation;

        // Only a new alert spends the allowance; the reservation is released so the retry raises it.
        if (await limiter.TryTakeAsync(organizer.Id, Security.LimitedAction.Press, cancellationToken) is { } wait)
        {
            await TryInterruptAsync(reservation);
            LogLimited(organizer.Id, wait);
            return Problem.TooManyRequests("Too many new alerts from this organizer in a short time. Press again after the wait.", wait);
        }

        var alert = facts.Value!.ToAlert(reservation.AlertId, organizer.Id, now);
        using var trace = RapidResponseTelemetry.Trace(logger, "alert.accept", alert.Id);
        try
        {
            // Both writes at once: one round trip off the press. The message may reach the fan-out a moment before
            // the row does, and the fan-out looks again for it (FanOutService). Bounded, so that a row can never
            // land long after its message: the fan-out gives up on a row still missing well after this bound. The
            // pending-work row lets the watchdog re-issue the fan-out if the instance holding the message dies.
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(WriteTimeout);
            await Task.WhenAll(
                alerts.CreateIfMissingAsync(alert, new TimelineEntry(now, "accepted", "Alert accepted"), bounded.Token),
                queue.EnqueueAsync(new AlertMessage(alert.Id, RapidResponseTelemetry.CurrentTraceParent()), bounded.Token),
                pending.AcceptedAsync(alert.Id, bounded.Token));
        }
        catch (Exception exception) when (exception is RequestFailedException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogNotAccepted(exception, alert.Id);
            await TryInterruptAsync(reservation);
            return Problem.Unavailable("The alert could not be stored just now. Press again: it will be raised once.", RetryAfter);
        }

        // The alert is durable and queued, so the answer need not wait for the reservation to say so: a repeat
        // meanwhile waits for the mark, and a reservation never marked is taken over and raises this same alert.
        _ = CompleteAsync(reservation);
        LogAccepted(alert.Id, alert.Region, alert.Incident);
        RapidResponseTelemetry.AlertAccepted(alert.Region, alert.Incident.ToWire());
        return Accepted(alert.Id);
    }

    private PanicAccepted Accepted(string alertId) => new(alertId, "accepted", options.Value.Link($"api/alerts/{alertId}"));

    private async Task CompleteAsync(PressReservation reservation)
    {
        try
        {
            await idempotency.CompleteAsync(reservation, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogNotMarked(exception, reservation.AlertId);
        }
    }

    private async Task TryInterruptAsync(PressReservation reservation)
    {
        try
        {
            await idempotency.InterruptAsync(reservation, CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // Storage is down: the reservation is taken over once it counts as abandoned.
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Alert {AlertId} accepted for {Region} ({Incident})")]
    private partial void LogAccepted(string alertId, string region, Incident incident);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Repeated press answered with alert {AlertId}")]
    private partial void LogRepeated(string alertId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Organizer {OrganizerId} pressed past the limit; asked to wait {Wait}")]
    private partial void LogLimited(string organizerId, TimeSpan wait);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Alert {AlertId} is accepted but its reservation could not be marked; a repeat press will raise it again, once")]
    private partial void LogNotMarked(Exception exception, string alertId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Alert {AlertId} could not be accepted; the client is asked to retry")]
    private partial void LogNotAccepted(Exception exception, string alertId);
}
