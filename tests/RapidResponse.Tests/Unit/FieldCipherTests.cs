using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RapidResponse.Security;
using RapidResponse.Storage;

namespace RapidResponse.Tests.Unit;

/// <summary>Sealed values are bound to their table, row and column; v1 values and retired keys still read.</summary>
public sealed class FieldCipherTests
{
    private const string Name = "Aigerim Nurlanovna";

    internal static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    internal static FieldCipher Cipher(string dataKey, string? retired = null) => new(Options.Create(new RapidResponseOptions
    {
        AdminKey = "admin-key-of-at-least-24-chars",
        PublicBaseUrl = new Uri("https://rr.example.org"),
        DataKey = dataKey,
        RetiredDataKeys = retired,
    }));

    /// <summary>A value as the previous version wrote it: <c>enc:v1:</c>, under a constant associated data.</summary>
    internal static string V1(string key, string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var sealedBytes = new byte[plain.Length + 16];
        using var aes = new AesGcm(Convert.FromBase64String(key), 16);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), "rapidresponse/field/v1"u8);
        return $"{FieldCipher.V1Prefix}{Convert.ToBase64String(nonce)}:{Convert.ToBase64String(sealedBytes)}";
    }

    [Fact]
    public void Seal_UsesAFreshNoncePerValue_AndOpensOnlyOnItsOwnRowAndColumn()
    {
        var cipher = Cipher(NewKey());
        var row = cipher.For(TableNames.Contacts, "KZ-SHY", "c1");
        var once = row.Seal("Name", Name)!;

        Assert.StartsWith(FieldCipher.Prefix, once, StringComparison.Ordinal);
        Assert.NotEqual(once, row.Seal("Name", Name));
        Assert.DoesNotContain("Aigerim", once, StringComparison.Ordinal);
        Assert.Equal(Name, row.Open("Name", once));

        RowCipher[] elsewhere =
        [
            cipher.For(TableNames.Contacts, "KZ-SHY", "c2"),
            cipher.For(TableNames.Contacts, "KZ-ALA", "c1"),
            cipher.For(TableNames.Organizers, "KZ-SHY", "c1"),
        ];
        foreach (var other in elsewhere)
        {
            var refused = Assert.Throws<UnreadableFieldException>(() => other.Open("Name", once));
            Assert.DoesNotContain("Aigerim", refused.Message, StringComparison.Ordinal);
            Assert.Contains("copied from another", refused.Message, StringComparison.Ordinal);
        }

        var otherColumn = Assert.Throws<UnreadableFieldException>(() => row.Open("Role", once));
        Assert.Equal("Role", otherColumn.Field);
        Assert.Equal(TableNames.Contacts, otherColumn.Table);
        Assert.Throws<UnreadableFieldException>(() => row.Open("Name", once[..^6] + "AAAA=="));
        Assert.Throws<UnreadableFieldException>(() => row.Open("Name", FieldCipher.Prefix + "nonsense"));
    }

    [Fact]
    public void WithoutAKey_ValuesPassAsTheyAre_AndAClearValueThatLooksSealedStillReadsBack()
    {
        var clear = FieldCipher.None.For(TableNames.Alerts, "a1", "alert");
        Assert.Equal(Name, clear.Seal("Message", Name));
        Assert.Null(clear.Seal("Message", null));

        // An organizer may type anything: a message that starts like a sealed value must not make its row unreadable.
        var lookalike = FieldCipher.Prefix + "abc:def:ghi";
        var stored = clear.Seal("Message", lookalike);
        Assert.Equal(lookalike, clear.Open("Message", stored));
        Assert.Equal(lookalike, Cipher(NewKey()).For(TableNames.Alerts, "a1", "alert").Open("Message", stored));

        var sealedByAKey = Cipher(NewKey()).For(TableNames.Alerts, "a1", "alert").Seal("Message", Name);
        var noKey = Assert.Throws<UnreadableFieldException>(() => clear.Open("Message", sealedByAKey));
        Assert.Contains("DataKey is not configured", noKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void V1Values_StillOpen_OnAnyRow_UnderTheDataKeyOrARetiredOne()
    {
        var key = NewKey();
        var v1 = V1(key, Name);

        Assert.Equal(Name, Cipher(key).For(TableNames.Contacts, "KZ-SHY", "c1").Open("Phone", v1));
        Assert.Equal(Name, Cipher(NewKey(), retired: key).For(TableNames.Contacts, "KZ-SHY", "c1").Open("Phone", v1));
        Assert.Throws<UnreadableFieldException>(() => Cipher(NewKey()).For(TableNames.Contacts, "KZ-SHY", "c1").Open("Phone", v1));
    }

    [Fact]
    public void AfterRotation_OldValuesOpenWithTheRetiredKey_NewOnesSealUnderTheNewKey_AndDerivedKeysStay()
    {
        var original = NewKey();
        var next = NewKey();
        var before = Cipher(original).For(TableNames.Alerts, "a1", "alert").Seal("Message", Name)!;
        var rotated = Cipher(next, retired: original).For(TableNames.Alerts, "a1", "alert");

        Assert.Equal(Name, rotated.Open("Message", before));
        var after = rotated.Seal("Message", Name)!;
        Assert.Contains(FieldCipher.KeyId(Convert.FromBase64String(next)), after, StringComparison.Ordinal);
        Assert.Contains(FieldCipher.KeyId(Convert.FromBase64String(original)), before, StringComparison.Ordinal);

        var forgotten = Assert.Throws<UnreadableFieldException>(() => Cipher(next).For(TableNames.Alerts, "a1", "alert").Open("Message", before));
        Assert.Contains(FieldCipher.KeyId(Convert.FromBase64String(original)), forgotten.Message, StringComparison.Ordinal);

        // The phone index and page links stay keyed by the original key, so opt-outs and links survive a rotation.
        static RapidResponseOptions Options(string key, string? retired) => new()
        {
            AdminKey = "admin-key-of-at-least-24-chars",
            PublicBaseUrl = new Uri("https://rr.example.org"),
            DataKey = key,
            RetiredDataKeys = retired,
        };
        Assert.Equal(Options(original, null).DerivedKey("phone-index"), Options(next, original).DerivedKey("phone-index"));
        Assert.NotEqual(Options(original, null).DerivedKey("phone-index"), Options(next, null).DerivedKey("phone-index"));
    }
}
