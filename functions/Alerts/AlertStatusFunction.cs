using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Alerts;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Functions.Alerts;

public sealed class AlertStatusFunction(Authenticator authenticator, AlertReader reader, RecordExporter records)
{
    [Function("AlertStatus")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "alerts/{alertId}")] HttpRequest request,
        string alertId,
        CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateReaderAsync(request, cancellationToken);
        if (caller is null)
        {
            return Problem.Unauthorized().ToResult();
        }

        var view = await reader.ReadAsync(caller, alertId, cancellationToken);
        return view.ToHttpResult(ApiJson.Default.AlertView);
    }

    /// <summary>The alert's tamper-evident record: every timeline entry with its hash chain (see docs/SECURITY.md).</summary>
    [Function("AlertRecord")]
    public async Task<IResult> RecordAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "alerts/{alertId}/record")] HttpRequest request,
        string alertId,
        CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateReaderAsync(request, cancellationToken);
        if (caller is null)
        {
            return Problem.Unauthorized().ToResult();
        }

        var record = await records.ExportAsync(caller, alertId, cancellationToken);
        return record.ToHttpResult(ApiJson.Default.AlertRecordExport);
    }
}
