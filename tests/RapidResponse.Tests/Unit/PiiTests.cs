using RapidResponse.Security;

namespace RapidResponse.Tests.Unit;

public sealed class PiiTests
{
    [Theory]
    [InlineData("+77011234567", "+770••••••67")]
    [InlineData("+1555", "•••••")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskPhone_KeepsOnlyPrefixAndLastTwoDigits(string? phone, string expected) =>
        Assert.Equal(expected, Pii.MaskPhone(phone));

    [Theory]
    [InlineData("aigerim@example.org", "a•••@example.org")]
    [InlineData("@example.org", "•••")]
    [InlineData("", "")]
    public void MaskEmail_KeepsFirstLetterAndDomain(string email, string expected) =>
        Assert.Equal(expected, Pii.MaskEmail(email));

    [Fact]
    public void MaskAddress_TellsEmailsFromPhones()
    {
        Assert.Equal("a•••@example.org", Pii.MaskAddress("aigerim@example.org"));
        Assert.Equal("+770••••••67", Pii.MaskAddress("+77011234567"));
    }
}
