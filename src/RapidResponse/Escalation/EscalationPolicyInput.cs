using RapidResponse.Http;

namespace RapidResponse.Escalation;

/// <summary>
/// One step as an admin sends it: <c>{afterSeconds, scope: "chain"|"intl", tier?, remind?, call?}</c>; a step with
/// <c>call: true</c> may leave out the scope, and then only calls.
/// </summary>
public sealed record EscalationStepInput(int? AfterSeconds, string? Scope, int? Tier, bool? Remind, bool? Call = null);

/// <summary>The body of <c>PUT /api/manage/escalation-policies/{region}</c>.</summary>
public sealed record EscalationPolicyInput(IReadOnlyList<EscalationStepInput?>? Steps)
{
    public const int MaxSteps = 10;
    public const int MaxAfterSeconds = 7 * 24 * 3600 - 1;

    /// <summary>Steps must come later and later; the first at least a second after the press.</summary>
    public IReadOnlyList<EscalationStep>? Validate(FieldErrors errors)
    {
        if (Steps is null || Steps.Count > MaxSteps)
        {
            errors.Add("steps", $"must be a list of at most {MaxSteps} steps");
            return null;
        }

        var steps = new List<EscalationStep>();
        var previous = 0;
        for (var i = 0; i < Steps.Count; i++)
        {
            var field = $"steps[{i}]";
            if (Steps[i] is not { } step)
            {
                errors.Add(field, "must be an object");
                continue;
            }

            if (step.AfterSeconds is not { } after || after <= previous || after > MaxAfterSeconds)
            {
                errors.Add(field + ".afterSeconds", $"must be more than the step before ({previous}) and at most {MaxAfterSeconds}");
            }

            var call = step.Call ?? false;
            EscalationScope? scope = step.Scope switch
            {
                "chain" => EscalationScope.Chain,
                "intl" => EscalationScope.Intl,
                null when call => EscalationScope.None,
                _ => null,
            };
            if (scope is null)
            {
                errors.Add(field + ".scope", call ? "must be chain or intl, or absent for a step that only calls" : "must be chain or intl");
            }

            if (step.Tier is < 1 or > 9)
            {
                errors.Add(field + ".tier", "must be 1 to 9, or absent for every tier");
            }
            else if (step.Tier is not null && scope == EscalationScope.None)
            {
                errors.Add(field + ".tier", "needs a scope: a step without one alerts nobody new");
            }

            previous = step.AfterSeconds ?? previous;
            steps.Add(new EscalationStep(step.AfterSeconds ?? 0, scope ?? EscalationScope.Chain, step.Tier, step.Remind ?? false, call));
        }

        return errors.Any ? null : steps;
    }
}

/// <summary>The body of <c>GET</c> (and the answer to <c>PUT</c>) <c>/api/manage/escalation-policies/{region}</c>.</summary>
public sealed record EscalationPolicyView(string Region, bool IsDefault, IReadOnlyList<EscalationStepView> Steps)
{
    public static EscalationPolicyView From(EscalationPolicy policy) => new(
        policy.Region,
        policy.IsDefault,
        policy.Steps.Select(s => new EscalationStepView(s.AfterSeconds, Wire(s.Scope), s.Tier, s.Remind, s.Call)).ToList());

    private static string? Wire(EscalationScope scope) => scope switch
    {
        EscalationScope.Chain => "chain",
        EscalationScope.Intl => "intl",
        _ => null,
    };
}

public sealed record EscalationStepView(int AfterSeconds, string? Scope, int? Tier, bool Remind, bool Call);
