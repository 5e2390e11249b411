using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Escalation;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Functions.Manage;

public sealed class EscalationPoliciesFunction(Authenticator authenticator, EscalationPolicyAdmin policies)
{
    [Function("GetEscalationPolicy")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/escalation-policies/{region}")] HttpRequest request,
        string region,
        CancellationToken cancellationToken)
    {
        if (!authenticator.IsAdmin(request))
        {
            return Problem.Unauthorized().ToResult();
        }

        var policy = await policies.GetAsync(region, cancellationToken);
        return policy.ToHttpResult(ApiJson.Default.EscalationPolicyView);
    }

    [Function("PutEscalationPolicy")]
    public async Task<IResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/escalation-policies/{region}")] HttpRequest request,
        string region,
        CancellationToken cancellationToken)
    {
        if (!authenticator.IsAdmin(request))
        {
            return Problem.Unauthorized().ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.EscalationPolicyInput, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var policy = await policies.PutAsync(region, body.Value!, cancellationToken);
        return policy.ToHttpResult(ApiJson.Default.EscalationPolicyView);
    }
}
