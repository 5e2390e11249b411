using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapidResponse.Channels;
using RapidResponse.Http;
using RapidResponse.Security;
using RapidResponse.Storage;
using RapidResponse.Telemetry;

namespace RapidResponse.Operations;

/// <summary>What a replay did.</summary>
public sealed record ReplayReport(string Queue, int Replayed);

/// <summary>
/// Messages that failed every attempt land on <c>&lt;queue&gt;-poison</c>. A poison-queue trigger parks each one in a
/// table (so it survives and can be listed) and alerts the operator; an admin replays them onto their queue once
/// the cause is fixed. Replays are safe: every step downstream is idempotent.
/// </summary>
public sealed partial class PoisonMessages(
    ParkedMessageStore store,
    OperatorAlerts operators,
    Audit.AuditLog audit,
    Azure.Storage.Queues.QueueServiceClient queues,
    IOptions<RapidResponseOptions> options,
    TimeProvider time,
    ILogger<PoisonMessages> logger)
{
    public async Task ParkAsync(string queue, string messageId, string body, CancellationToken cancellationToken)
    {
        var parked = new ParkedMessage(queue, messageId, body, time.GetUtcNow(), OperatorAlerted: false);
        await store.PutAsync(parked, cancellationToken);
        RapidResponseTelemetry.MessagePoisoned(queue);
        LogParked(queue, messageId);

        var replay = options.Value.Link($"api/manage/poison/{queue}/replay");
        bool alerted;
        try
        {
            alerted = await operators.NotifyAsync(
                $"a '{queue}' message failed every attempt",
                $"Message {messageId} ({body}) is parked. Fix the cause, then replay: POST {replay}",
                $"operator/{messageId}",
                cancellationToken);
        }
        catch (ProviderUnavailableException exception)
        {
            // The message is parked either way; the failed notice is on the row and in the log for whoever watches.
            LogOperatorUnreachable(exception, queue, messageId);
            alerted = false;
        }

        if (alerted)
        {
            await store.PutAsync(parked with { OperatorAlerted = true }, cancellationToken);
        }
        else if (!operators.IsConfigured)
        {
            LogNoOperator(queue, messageId);
        }
    }

    /// <summary>The parked messages of a queue. They belong to no one region, so the caller needs INTL in scope.</summary>
    public async Task<Result<IReadOnlyList<ParkedMessage>>> ListAsync(CoordinatorCaller caller, string queue, CancellationToken cancellationToken) =>
        Refuse(caller, ManageAction.ReadParked, queue) ?? Result<IReadOnlyList<ParkedMessage>>.Ok(await store.ListAsync(queue, cancellationToken));

    /// <summary>Replays a queue's parked messages for a coordinator with INTL in scope (recorded in the audit log).</summary>
    public async Task<Result<ReplayReport>> ReplayAsync(CoordinatorCaller caller, string queue, CancellationToken cancellationToken)
    {
        if (Refuse(caller, ManageAction.ReplayParked, queue) is { } refused)
        {
            return refused;
        }

        var report = await ReplayAsync(queue, cancellationToken);
        await audit.AppendAsync(caller, "parked.replay", "queue:" + queue, null, ["replayed"], cancellationToken);
        return report;
    }

    /// <summary>Puts every parked message of the queue back on it, then forgets it.</summary>
    public async Task<ReplayReport> ReplayAsync(string queue, CancellationToken cancellationToken)
    {
        var target = queues.GetQueueClient(queue);
        var parked = await store.ListAsync(queue, cancellationToken);
        foreach (var message in parked)
        {
            await target.SendMessageAsync(message.Body, cancellationToken);
            await store.DeleteAsync(message, cancellationToken);
        }

        LogReplayed(queue, parked.Count);
        return new ReplayReport(queue, parked.Count);
    }

    private static Problem? Refuse(CoordinatorCaller caller, ManageAction action, string queue) =>
        !caller.Can(action, region: null) ? Problem.Forbidden("Parked messages belong to every region: this needs INTL in scope.")
        : !IsReplayable(queue) ? Problem.NotFound($"'{queue}' is not a queue with a watched poison twin (alerts, deliveries, escalations).")
        : null;

    /// <summary>The queues whose poison twins are watched: the only ones an admin may replay.</summary>
    public static bool IsReplayable(string queue) => QueueNames.All.Contains(queue, StringComparer.Ordinal);

    [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "Message {MessageId} of queue {Queue} failed every attempt and is parked for replay")]
    private partial void LogParked(string queue, string messageId);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Critical, Message = "The operator could not be told that message {MessageId} of queue {Queue} is parked")]
    private partial void LogOperatorUnreachable(Exception exception, string queue, string messageId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Critical, Message = "No operator is configured (RapidResponse__OperatorPhone / __OperatorEmail) to hear that message {MessageId} of queue {Queue} is parked")]
    private partial void LogNoOperator(string queue, string messageId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Replayed {Count} parked message(s) onto queue {Queue}")]
    private partial void LogReplayed(string queue, int count);
}
