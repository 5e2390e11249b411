using RapidResponse.Security;

namespace RapidResponse.Tests.Unit;

public sealed class TokenTests
{
    [Fact]
    public void Issue_MakesASecretOfAtLeast128BitsWhoseHashMatches()
    {
        var token = OrganizerToken.Issue("org1");

        Assert.True(token.Secret.Length >= 22, "base64url of 32 random bytes is 43 characters");
        Assert.True(SecretHasher.Matches(token.Secret, SecretHasher.Hash(token.Secret)));
        Assert.NotEqual(token.Secret, OrganizerToken.Issue("org1").Secret);
    }

    [Fact]
    public void TryParse_RoundTripsTheOrganizerIdAndSecret()
    {
        var token = OrganizerToken.Issue("01abc");

        Assert.True(OrganizerToken.TryParse(token.ToString(), out var parsed));
        Assert.Equal(token, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".secret")]
    [InlineData("org.")]
    public void TryParse_RejectsMalformedTokens(string? value) => Assert.False(OrganizerToken.TryParse(value, out _));

    [Theory]
    [InlineData("wrong")]
    [InlineData("")]
    public void Matches_RejectsAnyOtherSecret(string other) =>
        Assert.False(SecretHasher.Matches(other, SecretHasher.Hash("the-secret")));

    [Fact]
    public void Matches_RejectsACorruptStoredHash() => Assert.False(SecretHasher.Matches("s", "not base64!"));
}
