using System.Text.Json;
using Azure.Storage.Queues;
using RapidResponse.Alerts;
using RapidResponse.Storage;

namespace RapidResponse.Escalation;

/// <summary>
/// Schedules escalation steps as delayed messages on the <c>escalations</c> queue (hidden until due), so nothing
/// polls: each step, when handled, schedules the next.
/// </summary>
public sealed class EscalationScheduler
{
    private readonly QueueClient queue;
    private readonly EscalationPolicyStore policies;
    private readonly TimeProvider time;

    public EscalationScheduler(QueueServiceClient queues, EscalationPolicyStore policies, TimeProvider time)
        : this(queues.GetQueueClient(QueueNames.Escalations), policies, time)
    {
    }

    internal EscalationScheduler(QueueClient queue, EscalationPolicyStore policies, TimeProvider time)
    {
        this.queue = queue;
        this.policies = policies;
        this.time = time;
    }

    /// <summary>Schedules the first step of the alert's policy; repeated calls only add duplicates the handler ignores.</summary>
    public async Task ScheduleFirstAsync(Alert alert, CancellationToken cancellationToken) =>
        await ScheduleAsync(alert, await policies.ForAlertAsync(alert.Region, cancellationToken), 1, cancellationToken);

    /// <summary>Schedules step <paramref name="step"/> when the policy has it.</summary>
    public async Task ScheduleAsync(Alert alert, EscalationPolicy policy, int step, CancellationToken cancellationToken)
    {
        if (policy.Step(step) is null)
        {
            return;
        }

        var delay = policy.DelayUntil(step, alert.CreatedAt, time.GetUtcNow());
        await SendAsync(new EscalationMessage(alert.Id, step), delay, cancellationToken);
    }

    /// <summary>Every tier, now: the duress code was used.</summary>
    public async Task EscalateNowAsync(string alertId, CancellationToken cancellationToken) =>
        await SendAsync(new EscalationMessage(alertId, 0, Duress: true), TimeSpan.Zero, cancellationToken);

    /// <summary>Step <paramref name="step"/>, now: everyone it would have waited for has said they cannot go.</summary>
    public async Task StepNowAsync(string alertId, int step, CancellationToken cancellationToken) =>
        await SendAsync(new EscalationMessage(alertId, step), TimeSpan.Zero, cancellationToken);

    /// <summary>The queue counts visibility in whole seconds (truncating): round up, so a step is never early.</summary>
    private async Task SendAsync(EscalationMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(
            JsonSerializer.Serialize(message, QueueJson.Default.EscalationMessage),
            visibilityTimeout: TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds)),
            cancellationToken: cancellationToken);
}
