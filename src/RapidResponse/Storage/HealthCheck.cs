using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace RapidResponse.Storage;

/// <summary>
/// The body of <c>GET /api/health</c>: <c>healthy</c>, <c>degraded</c> (storage answers but a provider is down, see
/// <see cref="ProvidersDown"/>) or <c>unhealthy</c> (storage does not answer).
/// </summary>
public sealed record HealthReport(string Status, bool Tables, bool Queues)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ProvidersDown { get; init; }
}

/// <summary>Liveness plus whether storage answers; says nothing about contents.</summary>
public sealed class HealthCheck(TableServiceClient tables, QueueServiceClient queues)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        var tablesUp = Probe(() => tables.GetTableClient(TableNames.Alerts).QueryAsync<TableEntity>(maxPerPage: 1, cancellationToken: timeout.Token).AsPages().GetAsyncEnumerator(timeout.Token).MoveNextAsync().AsTask());
        var queuesUp = Probe(() => queues.GetQueueClient(QueueNames.Alerts).GetPropertiesAsync(timeout.Token));
        await Task.WhenAll(tablesUp, queuesUp);
        var healthy = tablesUp.Result && queuesUp.Result;
        return new HealthReport(healthy ? "healthy" : "unhealthy", tablesUp.Result, queuesUp.Result);
    }

    private static async Task<bool> Probe(Func<Task> probe)
    {
        try
        {
            await probe();
            return true;
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or OperationCanceledException or HttpRequestException)
        {
            return false;
        }
    }
}
