using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace RapidResponse.Storage;

/// <summary>
/// One pipeline policy on the account's table and queue clients: a request refused with <c>TableNotFound</c> or
/// <c>QueueNotFound</c> for a table or queue of the contract (deleted, or storage wiped, while the host runs) creates
/// it and is sent once more. A request that succeeds costs nothing more; the answer is only read when it is a 404
/// (or a transaction's 202, whose failed change set carries the 404 inside).
/// </summary>
internal sealed partial class MissingStorageRecreation(Func<string, CancellationToken, Task> create, IReadOnlyList<string> names, string errorCode)
    : HttpPipelinePolicy
{
    /// <summary>Creates a missing contract table with <paramref name="tables"/>, lazily resolved (the policy sits in its pipeline).</summary>
    public static MissingStorageRecreation ForTables(Func<TableServiceClient> tables) => new(
        (name, cancellationToken) => tables().CreateTableIfNotExistsAsync(name, cancellationToken),
        TableNames.All,
        "TableNotFound");

    /// <summary>Creates a missing contract queue (or its poison twin) with <paramref name="queues"/>.</summary>
    public static MissingStorageRecreation ForQueues(Func<QueueServiceClient> queues) => new(
        (name, cancellationToken) => queues().GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken),
        [.. QueueNames.All, .. QueueNames.All.Select(QueueNames.Poison)],
        "QueueNotFound");

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        await Next(message, pipeline, async);
        if (!Missing(message.Response) || Target(message) is not { } name)
        {
            return;
        }

        await create(name, message.CancellationToken);
        message.Response.ContentStream?.Dispose();
        await Next(message, pipeline, async);
    }

    private static ValueTask Next(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        if (async)
        {
            return ProcessNextAsync(message, pipeline);
        }

        ProcessNext(message, pipeline);
        return ValueTask.CompletedTask;
    }

    // The error code is in the x-ms-error-code header (queues) or only in the body (tables, and a transaction's
    // change set); the body is buffered by the pipeline by the time it comes back here.
    private bool Missing(Response response) =>
        (response.Status == 404 || (response.Status == 202 && response.Headers.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true))
        && ((response.Headers.TryGetValue("x-ms-error-code", out var code) && code == errorCode)
            || (response.ContentStream is { CanSeek: true } && response.Content.ToString().Contains(errorCode, StringComparison.Ordinal)));

    /// <summary>The contract's table or queue the request addresses: in its path, or (a transaction) in its change set.</summary>
    private string? Target(HttpMessage message)
    {
        var path = message.Request.Uri.Path;
        var inPath = path.Split('/').Select(segment => segment.Split('(')[0]).FirstOrDefault(Known);
        if (inPath is not null || message.Request.Content is not { } content)
        {
            return inPath;
        }

        using var body = new MemoryStream();
        content.WriteTo(body, message.CancellationToken);
        var text = System.Text.Encoding.UTF8.GetString(body.ToArray());
        return ChangeSetTarget().Matches(text).Select(match => match.Groups["name"].Value).FirstOrDefault(Known);
    }

    private bool Known(string name) => names.Contains(name, StringComparer.Ordinal);

    // A change set's requests name their table as ".../{table}(keys)?query HTTP/1.1" or ".../{table}?query HTTP/1.1".
    [GeneratedRegex(@"/(?<name>[A-Za-z][A-Za-z0-9]*)(\([^)]*\))?(\?\S*)? HTTP/1\.1")]
    private static partial Regex ChangeSetTarget();
}
