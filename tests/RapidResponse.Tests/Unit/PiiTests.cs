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

    [Theory]
    [InlineData("Call the organiser on +77470001122 now", "Call the organiser on +774••••••22 now")]
    [InlineData("The 'To' number +7 701 123-45-67 is not a valid phone number.", "The 'To' number +770••••••67 is not a valid phone number.")]
    [InlineData("Write to aigerim@lawyers.example.org or +44 (20) 7946 0958.", "Write to a•••@lawyers.example.org or +442•••••••58.")]
    public void MaskText_MasksEveryPhoneAndEmailInFreeText(string text, string expected) =>
        Assert.Equal(expected, Pii.MaskText(text));

    [Theory]
    [InlineData("When: 2026-11-24 10:05 UTC. Ref EF808B")]
    [InlineData("http://127.0.0.1:7071/api/alerts/01a2339736c37329b3b0ad576637a2bd")]
    [InlineData("https://maps.google.com/?q=42.3417,69.5901")]
    public void MaskText_LeavesDatesLinksAndCoordinatesAlone(string text) =>
        Assert.Equal(text, Pii.MaskText(text));
}
