using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Dispatch;
using RapidResponse.Http;
using RapidResponse.Organizers;
using RapidResponse.Storage;

namespace RapidResponse.Alerts;

/// <summary>The answer to an accepted press: <c>202 {alertId, status, statusUrl}</c>.</summary>
public sealed record PanicAccepted(string AlertId, string Status, Uri StatusUrl);

/// <summary>
/// Accepts a panic press: validates it, writes the alert, and puts it on the <c>alerts</c> queue.
/// It answers only once both writes are durable, so an accepted alert is never lost.
/// </summary>
public sealed partial class AlertIntake(
    AlertStore alerts,
    AlertQueue queue,
    IOptions<RapidResponseOptions> options,
    TimeProvider time,
    ILogger<AlertIntake> logger)
{
    public async Task<Result<PanicAccepted>> RaiseAsync(Organizer organizer, PanicRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var facts = PanicValidator.Validate(request, organizer, now);
        if (facts.Problem is { } problem)
        {
            return problem;
        }

        var alert = facts.Value!.ToAlert(Ids.NewId(time), organizer.Id, now);
        await alerts.CreateAsync(alert, new TimelineEntry(now, "accepted", "Alert accepted"), cancellationToken);
        await queue.EnqueueAsync(new AlertMessage(alert.Id), cancellationToken);
        LogAccepted(alert.Id, alert.Region, alert.Incident);
        return new PanicAccepted(alert.Id, "accepted", options.Value.Link($"api/alerts/{alert.Id}"));
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Alert {AlertId} accepted for {Region} ({Incident})")]
    private partial void LogAccepted(string alertId, string region, Incident incident);
}
