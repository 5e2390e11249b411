namespace RapidResponse.Escalation;

/// <summary>Whom a step reaches: tier <c>n</c> (or every tier) of the alert's whole chain, or of <c>INTL</c> only.</summary>
public enum EscalationScope
{
    Chain,
    Intl,

    /// <summary>Nobody new: a step that only calls (<see cref="EscalationStep.Call"/>).</summary>
    None,
}

/// <summary>
/// One step of a region's escalation: when nobody of a role has acknowledged <see cref="AfterSeconds"/> after the
/// press, alert the <see cref="Tier"/> (null: every tier) of the <see cref="Scope"/>, and with <see cref="Remind"/>
/// remind those alerted earlier who have not answered; with <see cref="Call"/> phone the lawyers alerted by SMS who
/// have neither acknowledged nor declined (<see cref="CallPlanner"/>).
/// </summary>
public sealed record EscalationStep(int AfterSeconds, EscalationScope Scope, int? Tier, bool Remind, bool Call = false)
{
    public TimeSpan After => TimeSpan.FromSeconds(AfterSeconds);

    /// <summary>A step that alerts nobody new: declines that leave nobody to wait for skip it and run the next one now.</summary>
    public bool CallsOnly => Scope == EscalationScope.None;
}

/// <summary>A region's escalation: tier 1 at the press (the fan-out), then these steps, in order.</summary>
public sealed record EscalationPolicy(string Region, IReadOnlyList<EscalationStep> Steps, bool IsDefault = false)
{
    /// <summary>
    /// After 2 minutes a call to the lawyers who have not answered (an SMS at night wakes nobody); after 5 tier 2 of
    /// the chain and a reminder to tier 1; after 15 every tier of INTL.
    /// </summary>
    public static EscalationPolicy Default(string region) => new(
        region,
        [
            new EscalationStep(120, EscalationScope.None, null, Remind: false, Call: true),
            new EscalationStep(300, EscalationScope.Chain, 2, Remind: true),
            new EscalationStep(900, EscalationScope.Intl, null, Remind: false),
        ],
        IsDefault: true);

    /// <summary>Step <paramref name="number"/> (1-based), or null past the last.</summary>
    public EscalationStep? Step(int number) => number >= 1 && number <= Steps.Count ? Steps[number - 1] : null;

    /// <summary>How long from <paramref name="now"/> until step <paramref name="number"/> of an alert created at <paramref name="createdAt"/> is due (never negative).</summary>
    public TimeSpan DelayUntil(int number, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var step = Step(number) ?? throw new ArgumentOutOfRangeException(nameof(number), number, "No such escalation step.");
        var delay = createdAt + step.After - now;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
