using Microsoft.Extensions.Time.Testing;
using RapidResponse.Escalation;
using RapidResponse.Http;

namespace RapidResponse.Tests.Unit;

public sealed class EscalationPolicyTests
{
    private static readonly DateTimeOffset Pressed = new(2026, 11, 24, 10, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Default_Tier2AndReminderAfter5Minutes_EveryIntlTierAfter15()
    {
        var policy = EscalationPolicy.Default("KZ-SHY");

        Assert.Equal(new EscalationStep(300, EscalationScope.Chain, 2, Remind: true), policy.Step(1));
        Assert.Equal(new EscalationStep(900, EscalationScope.Intl, null, Remind: false), policy.Step(2));
        Assert.Null(policy.Step(3));
    }

    [Fact]
    public void Delays_CountFromThePress_NotFromWhenTheyAreScheduled()
    {
        var time = new FakeTimeProvider(Pressed);
        var policy = EscalationPolicy.Default("KZ-SHY");

        Assert.Equal(TimeSpan.FromMinutes(5), policy.DelayUntil(1, Pressed, time.GetUtcNow()));
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(2), policy.DelayUntil(2, Pressed, time.GetUtcNow()));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.Zero, policy.DelayUntil(2, Pressed, time.GetUtcNow()));
    }

    [Fact]
    public void Input_StepsMustComeLaterAndLater_WithAKnownScope()
    {
        var errors = new FieldErrors();
        var input = new EscalationPolicyInput([new EscalationStepInput(60, "chain", 2, true), new EscalationStepInput(30, "moon", 0, null)]);

        Assert.Null(input.Validate(errors));
        Assert.Equal(["steps[1].afterSeconds", "steps[1].scope", "steps[1].tier"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Input_Valid_BecomesSteps()
    {
        var steps = new EscalationPolicyInput([new EscalationStepInput(1, "chain", 2, true), new EscalationStepInput(2, "intl", null, null)]).Validate(new FieldErrors());

        Assert.Equal([new EscalationStep(1, EscalationScope.Chain, 2, true), new EscalationStep(2, EscalationScope.Intl, null, false)], steps);
    }
}
