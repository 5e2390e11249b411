using RapidResponse.Audit;
using RapidResponse.Contacts;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Escalation;

/// <summary>Coordinators read and set the escalation policy of a region in their scope.</summary>
public sealed class EscalationPolicyAdmin(EscalationPolicyStore store, AuditLog audit)
{
    /// <summary>The policy alerts of the region follow (its own, an enclosing region's, or the default).</summary>
    public async Task<Result<EscalationPolicyView>> GetAsync(CoordinatorCaller caller, string region, CancellationToken cancellationToken)
    {
        if (!RegionCode.IsValid(region))
        {
            return Problem.Invalid("region", RegionCode.Rule);
        }

        if (!caller.Can(ManageAction.ReadPolicies, region))
        {
            return OutOfScope(region);
        }

        return EscalationPolicyView.From(await store.ForAlertAsync(RegionCode.Normalize(region), cancellationToken));
    }

    public async Task<Result<EscalationPolicyView>> PutAsync(
        CoordinatorCaller caller, string region, EscalationPolicyInput input, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.For(input);
        if (!RegionCode.IsValid(region))
        {
            errors.Add("region", RegionCode.Rule);
        }

        var steps = input.Validate(errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!caller.Can(ManageAction.EditPolicies, region))
        {
            return OutOfScope(region);
        }

        var policy = new EscalationPolicy(RegionCode.Normalize(region), steps!);
        await store.PutAsync(policy, cancellationToken);
        await audit.AppendAsync(caller, "policy.put", "policy:" + policy.Region, policy.Region, ["steps"], cancellationToken);
        return EscalationPolicyView.From(policy);
    }

    private static Problem OutOfScope(string region) => Problem.Forbidden($"Region '{RegionCode.Normalize(region)}' is outside your regions.");
}
