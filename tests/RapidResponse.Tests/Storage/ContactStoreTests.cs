using RapidResponse.Contacts;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

public sealed class ContactStoreTests
{
    [Fact]
    public async Task ListActive_ReturnsOnlyActiveContactsOfThatTierAndRegion()
    {
        var store = new ContactStore(await SharedAzurite.NewTableAsync("contacts"));
        var wanted = Contact("a", "KZ-SHY", tier: 1);
        await store.PutManyAsync(
            [wanted, Contact("b", "KZ-SHY", tier: 2), Contact("c", "KZ-SHY", tier: 1) with { Active = false }, Contact("d", "KZ", tier: 1)],
            CancellationToken.None);

        var active = await store.ListActiveAsync("KZ-SHY", tier: 1, CancellationToken.None);

        Assert.Equal([wanted], active);
    }

    [Fact]
    public async Task Put_ReplacesTheSameContact()
    {
        var store = new ContactStore(await SharedAzurite.NewTableAsync("contacts"));
        await store.PutAsync(Contact("a", "KZ", tier: 1), CancellationToken.None);

        var changed = Contact("a", "KZ", tier: 2) with { Email = "new@example.org" };
        await store.PutAsync(changed, CancellationToken.None);

        Assert.Equal([changed], await store.ListAsync("KZ", CancellationToken.None));
    }

    [Fact]
    public async Task PutMany_WritesMoreThanOneTransactionPerRegion()
    {
        var store = new ContactStore(await SharedAzurite.NewTableAsync("contacts"));
        var many = Enumerable.Range(0, 250).Select(i => Contact($"c{i:D3}", i % 2 == 0 ? "KZ" : "INTL", tier: 1)).ToList();

        await store.PutManyAsync(many, CancellationToken.None);

        Assert.Equal(125, (await store.ListAsync("KZ", CancellationToken.None)).Count);
        Assert.Equal(125, (await store.ListAsync("INTL", CancellationToken.None)).Count);
    }

    private static Contact Contact(string id, string region, int tier) =>
        new(id, region, "Name " + id, ContactRole.Lawyer, tier, "+77011234567", null, "ru", true);
}
