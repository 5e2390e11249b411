using Microsoft.Azure.Functions.Worker;
using RapidResponse.Dispatch;
using RapidResponse.Storage;

namespace RapidResponse.Functions.Dispatch;

public sealed class FanOutFunction(FanOutService fanOut)
{
    /// <summary>One accepted alert in, one <c>deliveries</c> message per send out (the runtime wakes that queue at once).</summary>
    [Function("FanOut")]
    [QueueOutput(QueueNames.Deliveries)]
    public Task<string[]> RunAsync([QueueTrigger(QueueNames.Alerts)] AlertMessage message, CancellationToken cancellationToken) =>
        fanOut.FanOutAsync(message, cancellationToken);
}
