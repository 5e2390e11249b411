using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Audit;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Functions.Manage;

/// <summary>The audit log, for owners: filtered and paged, and its chains checked.</summary>
public sealed class AuditFunction(ManageGate gate, AuditReader audit, TimeProvider time)
{
    [Function("ListAudit")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/audit")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.ReadAudit, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var q = request.Query;
        var query = AuditQuery.Parse(q["from"], q["to"], q["actor"], q["entity"], q["action"], q["continuation"], q["limit"], time.GetUtcNow());
        if (query.Problem is { } invalid)
        {
            return invalid.ToResult();
        }

        var page = await audit.ListAsync(admitted.Value!, query.Value!, cancellationToken);
        return page.ToHttpResult(ApiJson.Default.AuditPage);
    }

    [Function("VerifyAudit")]
    public async Task<IResult> VerifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/audit/verify")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.ReadAudit, cancellationToken);
        return admitted.Problem?.ToResult()
            ?? (await audit.VerifyAsync(admitted.Value!, request.Query["from"], request.Query["to"], cancellationToken)).ToHttpResult(ApiJson.Default.AuditVerification);
    }
}
