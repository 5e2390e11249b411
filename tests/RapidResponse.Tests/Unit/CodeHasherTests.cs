using Microsoft.Extensions.Options;
using RapidResponse.Security;

namespace RapidResponse.Tests.Unit;

public sealed class CodeHasherTests
{
    [Fact]
    public void Hash_IsSaltedPbkdf2_AndMatchesOnlyItsCode()
    {
        var salt = CodeHasher.NewSalt();
        var hash = CodeHasher.Hash("2468", salt);

        Assert.StartsWith($"pbkdf2-sha256${CodeHasher.Iterations}$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("2468", hash, StringComparison.Ordinal);
        Assert.True(CodeHasher.Matches("2468", salt, hash));
        Assert.True(CodeHasher.Matches(" 2468 ", salt, hash));
        Assert.False(CodeHasher.Matches("2469", salt, hash));
        Assert.False(CodeHasher.Matches(null, salt, hash));
        Assert.False(CodeHasher.Matches("2468", salt, null));
        Assert.False(CodeHasher.Matches("2468", CodeHasher.NewSalt(), hash));
    }

    [Fact]
    public void AHashOfTheOldWorkFactor_StillMatches_AndAsksToBeRehashed()
    {
        var salt = CodeHasher.NewSalt();
        var derived = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(
            System.Text.Encoding.UTF8.GetBytes("2468"), Convert.FromBase64String(salt), 100_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        var old = $"pbkdf2-sha256$100000${Convert.ToBase64String(derived)}";

        Assert.Equal(600_000, CodeHasher.Iterations);
        Assert.True(CodeHasher.Matches("2468", salt, old));
        Assert.True(CodeHasher.NeedsRehash(old));
        Assert.False(CodeHasher.NeedsRehash(CodeHasher.Hash("2468", salt)));
        Assert.False(CodeHasher.NeedsRehash(null));
    }

    [Fact]
    public void SameCode_DifferentOrganizers_DifferentHashes() =>
        Assert.NotEqual(CodeHasher.Hash("tulip", CodeHasher.NewSalt()), CodeHasher.Hash("tulip", CodeHasher.NewSalt()));

    [Fact]
    public void Codeword_IsCaseInsensitive()
    {
        var salt = CodeHasher.NewSalt();
        Assert.True(CodeHasher.Matches("TULIP", salt, CodeHasher.Hash("Tulip", salt)));
    }

    [Fact]
    public void AckLink_VerifiesForItsAlertAndDeliveryOnly()
    {
        var links = new AckLinks(Options.Create(new RapidResponse.RapidResponseOptions { AdminKey = new string('k', 32), PublicBaseUrl = new Uri("https://rr.example.org") }));
        var token = links.Token("alert1", "KZ|ngo|email");

        Assert.Equal("KZ|ngo|email", links.Verify("alert1", token));
        Assert.Null(links.Verify("alert2", token));
        Assert.Null(links.Verify("alert1", links.Token("alert1", "KZ|other|email")[..^2] + token[^2..]));
        Assert.Null(links.Verify("alert1", "garbage"));
        Assert.StartsWith("https://rr.example.org/api/alerts/alert1/ack?token=", links.For("alert1", "KZ|ngo|email").AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void WithADataKey_RotatingTheAdminKey_KeepsPhoneHashesAndAckLinks()
    {
        var dataKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray());
        RapidResponse.RapidResponseOptions With(string adminKey, string? data) =>
            new() { AdminKey = adminKey, DataKey = data, PublicBaseUrl = new Uri("https://rr.example.org") };
        var before = With(new string('a', 32), dataKey);
        var after = With(new string('b', 32), dataKey);

        Assert.Equal(new PhoneHasher(Options.Create(before)).Hash("+77011234567"), new PhoneHasher(Options.Create(after)).Hash("+77011234567"));
        Assert.Equal("KZ|ngo|email", new AckLinks(Options.Create(after)).Verify("alert1", new AckLinks(Options.Create(before)).Token("alert1", "KZ|ngo|email")));

        // Without a data key (local development) they follow the admin key, and differ per purpose.
        Assert.NotEqual(new PhoneHasher(Options.Create(With(new string('a', 32), null))).Hash("+77011234567"), new PhoneHasher(Options.Create(With(new string('b', 32), null))).Hash("+77011234567"));
        Assert.NotEqual(before.DerivedKey("rapidresponse/phone-index/v1"), before.DerivedKey("rapidresponse/ack-link/v1"));
    }
}
