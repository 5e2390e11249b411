using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;

namespace RapidResponse.LocalHost.Hosting.Queues;

/// <summary>
/// Runs a queue-triggered worker function for the JobHost, binding as the isolated worker does: the trigger
/// parameter (by its binding name) as the <see cref="QueueMessage"/>, its text, or its JSON as the parameter's
/// type; the <see cref="CancellationToken"/>. The return value goes to the output binding's collector, an array as
/// one message per element. A message that does not bind throws, so the listener retries it and then poisons it.
/// </summary>
public sealed class QueueFunctionInvoker(IServiceScopeFactory scopes, IReadOnlyList<WorkerFunction> functions)
{
    private static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, WorkerFunction> byName = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public async Task InvokeAsync(string name, QueueMessage message, IAsyncCollector<string>? output, CancellationToken cancellationToken)
    {
        var function = byName[name];
        await using var scope = scopes.CreateAsyncScope();
        var result = await FunctionInvoker.InvokeAsync(scope.ServiceProvider, function.Method, parameter => Bind(function, parameter, message, cancellationToken));
        if (output is not null && result is not null)
        {
            await WriteAsync(output, result, cancellationToken);
        }
    }

    private static object? Bind(WorkerFunction function, ParameterInfo parameter, QueueMessage message, CancellationToken cancellationToken) => parameter switch
    {
        _ when parameter.ParameterType == typeof(CancellationToken) => cancellationToken,
        _ when parameter.Name != function.Trigger.Name => throw new NotSupportedException($"Function {function.Name}: cannot bind parameter '{parameter.Name}'."),
        _ when parameter.ParameterType == typeof(QueueMessage) => message,
        _ when parameter.ParameterType == typeof(BinaryData) => message.Body,
        _ when parameter.ParameterType == typeof(string) => message.Body.ToString(),
        _ => JsonSerializer.Deserialize(message.Body.ToMemory().Span, parameter.ParameterType, MessageJson)
            ?? throw new JsonException($"Function {function.Name}: message {message.MessageId} is JSON null, not a {parameter.ParameterType.Name}."),
    };

    private static async Task WriteAsync(IAsyncCollector<string> output, object result, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> messages = result switch
        {
            string single => [single],
            IEnumerable<string> many => [.. many],
            _ => [JsonSerializer.Serialize(result, result.GetType(), MessageJson)],
        };

        // Each write goes through the extension's collector, which wakes the target queue's listener at once (its
        // SharedQueueWatcher); in parallel, bounded, so a 1,000-recipient fan-out is not enqueued one at a time.
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (message, ct) => await output.AddAsync(message, ct));
        await output.FlushAsync(cancellationToken);
    }
}
