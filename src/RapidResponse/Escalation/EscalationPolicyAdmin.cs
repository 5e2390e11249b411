using RapidResponse.Contacts;
using RapidResponse.Http;

namespace RapidResponse.Escalation;

/// <summary>Coordinators read and set a region's escalation policy.</summary>
public sealed class EscalationPolicyAdmin(EscalationPolicyStore store)
{
    /// <summary>The policy alerts of the region follow (its own, an enclosing region's, or the default).</summary>
    public async Task<Result<EscalationPolicyView>> GetAsync(string region, CancellationToken cancellationToken)
    {
        if (!RegionCode.IsValid(region))
        {
            return Problem.Invalid("region", RegionCode.Rule);
        }

        return EscalationPolicyView.From(await store.ForAlertAsync(RegionCode.Normalize(region), cancellationToken));
    }

    public async Task<Result<EscalationPolicyView>> PutAsync(string region, EscalationPolicyInput input, CancellationToken cancellationToken)
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

        var policy = new EscalationPolicy(RegionCode.Normalize(region), steps!);
        await store.PutAsync(policy, cancellationToken);
        return EscalationPolicyView.From(policy);
    }
}
