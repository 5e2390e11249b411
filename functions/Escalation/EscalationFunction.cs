using Microsoft.Azure.Functions.Worker;
using RapidResponse.Escalation;
using RapidResponse.Storage;

namespace RapidResponse.Functions.Escalation;

public sealed class EscalationFunction(EscalationService escalations)
{
    /// <summary>A step that fell due (the message was hidden until then). Failures propagate: the queue retries.</summary>
    [Function("Escalation")]
    public Task RunAsync([QueueTrigger(QueueNames.Escalations)] EscalationMessage message, CancellationToken cancellationToken) =>
        escalations.HandleAsync(message, cancellationToken);
}
