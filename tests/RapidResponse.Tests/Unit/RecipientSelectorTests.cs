using RapidResponse.Contacts;
using RapidResponse.Dispatch;

namespace RapidResponse.Tests.Unit;

public sealed class RecipientSelectorTests
{
    [Theory]
    [InlineData(ContactRole.Lawyer, Channel.Sms)]
    [InlineData(ContactRole.Ally, Channel.Sms)]
    [InlineData(ContactRole.Ngo, Channel.Email)]
    [InlineData(ContactRole.Journalist, Channel.Email)]
    [InlineData(ContactRole.Diplomat, Channel.Email)]
    public void ChannelFor_PicksByRoleWhenBothAddressesExist(ContactRole role, Channel expected) =>
        Assert.Equal(expected, RecipientSelector.ChannelFor(Contact(role, "+77011234567", "a@example.org")));

    [Fact]
    public void ChannelFor_ContactWithoutThePreferredAddress_GetsTheOther()
    {
        Assert.Equal(Channel.Email, RecipientSelector.ChannelFor(Contact(ContactRole.Lawyer, null, "a@example.org")));
        Assert.Equal(Channel.Sms, RecipientSelector.ChannelFor(Contact(ContactRole.Ngo, "+77011234567", null)));
        Assert.Null(RecipientSelector.ChannelFor(Contact(ContactRole.Ngo, null, null)));
    }

    [Fact]
    public void Select_SkipsInactiveAndUnreachable_AndPutsLawyersFirst()
    {
        var ngo = Contact(ContactRole.Ngo, null, "ngo@example.org");
        var lawyer = Contact(ContactRole.Lawyer, "+77011234567", null);
        var inactive = Contact(ContactRole.Lawyer, "+77011234568", null) with { Active = false };
        var unreachable = Contact(ContactRole.Journalist, null, null);

        var selected = RecipientSelector.Select([ngo, inactive, unreachable, lawyer]);

        Assert.Equal([(lawyer, Channel.Sms), (ngo, Channel.Email)], selected);
    }

    private static Contact Contact(ContactRole role, string? phone, string? email) =>
        new(Guid.NewGuid().ToString("N"), "KZ-SHY", "Name", role, 1, phone, email, "en", true);
}
