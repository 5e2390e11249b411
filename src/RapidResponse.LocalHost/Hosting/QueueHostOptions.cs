using System.Globalization;
using System.Text.Json;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>The queue settings of host.json (<c>extensions.queues</c>), with the Functions runtime's defaults.</summary>
public sealed record QueueHostOptions(
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int BatchSize,
    int NewBatchThreshold,
    int MaxDequeueCount,
    TimeSpan FunctionTimeout)
{
    public static readonly QueueHostOptions RuntimeDefaults = new(TimeSpan.FromMinutes(1), TimeSpan.Zero, 16, 8, 5, TimeSpan.FromMinutes(5));

    public static QueueHostOptions Load(string hostJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        var defaults = RuntimeDefaults;
        var functionTimeout = Time(root, "functionTimeout") ?? defaults.FunctionTimeout;
        if (!root.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("queues", out var queues))
        {
            return defaults with { FunctionTimeout = functionTimeout };
        }

        var batchSize = Int(queues, "batchSize") ?? defaults.BatchSize;
        return new QueueHostOptions(
            Time(queues, "maxPollingInterval") ?? defaults.MaxPollingInterval,
            Time(queues, "visibilityTimeout") ?? defaults.VisibilityTimeout,
            batchSize,
            Int(queues, "newBatchThreshold") ?? batchSize / 2,
            Int(queues, "maxDequeueCount") ?? defaults.MaxDequeueCount,
            functionTimeout);
    }

    private static TimeSpan? Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? TimeSpan.Parse(value.GetString()!, CultureInfo.InvariantCulture) : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetInt32() : null;
}
