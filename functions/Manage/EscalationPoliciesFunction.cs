using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Escalation;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Functions.Manage;

public sealed class EscalationPoliciesFunction(ManageGate gate, EscalationPolicyAdmin policies)
{
    [Function("GetEscalationPolicy")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/escalation-policies/{region}")] HttpRequest request,
        string region,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.ReadPolicies, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var policy = await policies.GetAsync(admitted.Value!, region, cancellationToken);
        return policy.ToHttpResult(ApiJson.Default.EscalationPolicyView);
    }

    [Function("PutEscalationPolicy")]
    public async Task<IResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/escalation-policies/{region}")] HttpRequest request,
        string region,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.EditPolicies, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.EscalationPolicyInput, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var policy = await policies.PutAsync(admitted.Value!, region, body.Value!, cancellationToken);
        return policy.ToHttpResult(ApiJson.Default.EscalationPolicyView);
    }
}
