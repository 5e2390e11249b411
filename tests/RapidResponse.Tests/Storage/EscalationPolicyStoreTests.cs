using RapidResponse.Escalation;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

/// <summary>An alert follows the policy of the first region of its chain that has one, else the default.</summary>
public sealed class EscalationPolicyStoreTests
{
    private static readonly EscalationStep[] Fast = [new(60, EscalationScope.Chain, 2, Remind: true)];
    private static readonly EscalationStep[] Slow = [new(600, EscalationScope.Intl, null, Remind: false)];

    [Fact]
    public async Task TheNearestRegionWithAPolicy_Wins_OverWiderOnesAndOtherRegions()
    {
        var store = new EscalationPolicyStore(await SharedAzurite.NewTableAsync("policies"));
        await store.PutAsync(new EscalationPolicy("INTL", Slow), CancellationToken.None);
        await store.PutAsync(new EscalationPolicy("KZ", Fast), CancellationToken.None);
        await store.PutAsync(new EscalationPolicy("KZ-ALA", Slow), CancellationToken.None);

        var forShymkent = await store.ForAlertAsync("KZ-SHY", CancellationToken.None);
        var forKyrgyzstan = await store.ForAlertAsync("KG-BIS", CancellationToken.None);

        Assert.Equal("KZ", forShymkent.Region);
        Assert.Equal(Fast, forShymkent.Steps);
        Assert.Equal("INTL", forKyrgyzstan.Region);
    }

    [Fact]
    public async Task NoPolicyAnywhereInTheChain_IsTheDefault()
    {
        var store = new EscalationPolicyStore(await SharedAzurite.NewTableAsync("policies"));
        await store.PutAsync(new EscalationPolicy("KG", Fast), CancellationToken.None);

        var policy = await store.ForAlertAsync("KZ-SHY", CancellationToken.None);

        Assert.True(policy.IsDefault);
        Assert.Equal(EscalationPolicy.Default("KZ-SHY").Steps, policy.Steps);
    }
}
