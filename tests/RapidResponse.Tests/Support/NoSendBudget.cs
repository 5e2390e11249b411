using RapidResponse.Channels.Budget;

namespace RapidResponse.Tests.Support;

/// <summary>For tests of one send's state machine: every slot granted at once (the budget has tests of its own).</summary>
public sealed class NoSendBudget : ISendBudget
{
    public static readonly NoSendBudget Instance = new();

    public ValueTask AcquireAsync(string provider, SendPriority priority, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
