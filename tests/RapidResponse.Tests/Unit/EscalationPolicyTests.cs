using Microsoft.Extensions.Time.Testing;
using RapidResponse.Escalation;
using RapidResponse.Http;

namespace RapidResponse.Tests.Unit;

public sealed class EscalationPolicyTests
{
    private static readonly DateTimeOffset Pressed = new(2026, 11, 24, 10, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Default_LawyersCalledAfter2Minutes_Tier2AndReminderAfter5_EveryIntlTierAfter15()
    {
        var policy = EscalationPolicy.Default("KZ-SHY");

        Assert.Equal(new EscalationStep(120, EscalationScope.None, null, Remind: false, Call: true), policy.Step(1));
        Assert.True(policy.Step(1)!.CallsOnly);
        Assert.Equal(new EscalationStep(300, EscalationScope.Chain, 2, Remind: true), policy.Step(2));
        Assert.Equal(new EscalationStep(900, EscalationScope.Intl, null, Remind: false), policy.Step(3));
        Assert.Null(policy.Step(4));
    }

    [Fact]
    public void Delays_CountFromThePress_NotFromWhenTheyAreScheduled()
    {
        var time = new FakeTimeProvider(Pressed);
        var policy = EscalationPolicy.Default("KZ-SHY");

        Assert.Equal(TimeSpan.FromMinutes(5), policy.DelayUntil(2, Pressed, time.GetUtcNow()));
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(2), policy.DelayUntil(3, Pressed, time.GetUtcNow()));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.Zero, policy.DelayUntil(3, Pressed, time.GetUtcNow()));
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

    [Fact]
    public void Input_ACallStep_MayLeaveOutTheScope_ThenOnlyCalls_ButATierNeedsOne()
    {
        var steps = new EscalationPolicyInput([new EscalationStepInput(120, null, null, null, Call: true), new EscalationStepInput(300, "chain", 2, true, Call: true)]).Validate(new FieldErrors());
        var errors = new FieldErrors();
        var refused = new EscalationPolicyInput([new EscalationStepInput(120, null, 1, null, Call: true), new EscalationStepInput(300, null, null, null)]).Validate(errors);

        Assert.Equal([new EscalationStep(120, EscalationScope.None, null, false, Call: true), new EscalationStep(300, EscalationScope.Chain, 2, true, Call: true)], steps);
        Assert.Null(refused);
        Assert.Equal(["steps[0].tier", "steps[1].scope"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Null(EscalationPolicyView.From(EscalationPolicy.Default("KZ")).Steps[0].Scope);
    }
}
