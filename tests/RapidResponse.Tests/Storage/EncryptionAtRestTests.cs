using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

/// <summary>With a data key, a dump of the tables shows no phone or email; without one, rows read as before.</summary>
public sealed class EncryptionAtRestTests
{
    private const string Phone = "+77017654321";
    private const string Email = "lawyer.aigerim@example.org";

    private static readonly FieldCipher Cipher = new(Options.Create(new RapidResponseOptions
    {
        AdminKey = "admin-key-of-at-least-24-chars",
        PublicBaseUrl = new Uri("https://rr.example.org"),
        DataKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    }));

    [Fact]
    public void RoundTrip_UsesAFreshNoncePerValue_AndPlaintextStillReads()
    {
        var once = Cipher.Encrypt(Phone)!;
        var twice = Cipher.Encrypt(Phone)!;

        Assert.StartsWith(FieldCipher.Prefix, once, StringComparison.Ordinal);
        Assert.NotEqual(once, twice);
        Assert.Equal(Phone, Cipher.Decrypt(once));
        Assert.Equal(Phone, Cipher.Decrypt(Phone));
        Assert.Null(Cipher.Decrypt(null));
        Assert.Equal(Phone, FieldCipher.None.Encrypt(Phone));
        Assert.Throws<InvalidOperationException>(() => FieldCipher.None.Decrypt(once));
        Assert.ThrowsAny<CryptographicException>(() => Cipher.Decrypt(once[..^4] + "AAA="));
    }

    [Fact]
    public async Task ContactsAndDeliveries_AreUnreadableInARawDump_AndReadBackInClear()
    {
        var contactsTable = await SharedAzurite.NewTableAsync("contacts");
        var alertsTable = await SharedAzurite.NewTableAsync("alerts");
        var contacts = new ContactStore(contactsTable, Cipher);
        var alerts = new AlertStore(alertsTable, Cipher);
        var contact = new Contact("c1", "KZ-SHY", "Aigerim Nurlanovna", ContactRole.Lawyer, 1, Phone, Email, "ru", true);
        await contacts.PutAsync(contact, CancellationToken.None);
        await alerts.AddDeliveriesAsync(
            [AlertStoreTests.Delivery("e1", "KZ|c1|sms") with { Address = Phone }, AlertStoreTests.Delivery("e1", "KZ|c1|email") with { Address = Email }],
            CancellationToken.None);

        var dump = string.Join('\n', (await contactsTable.QueryAsync<TableEntity>().ToListAsync())
            .Concat(await alertsTable.QueryAsync<TableEntity>().ToListAsync())
            .SelectMany(row => row.Select(p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.DoesNotContain(Phone, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone[1..], dump, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, dump, StringComparison.Ordinal);
        Assert.Contains(FieldCipher.Prefix, dump, StringComparison.Ordinal);

        Assert.Equal(contact, await contacts.GetAsync("KZ-SHY", "c1", CancellationToken.None));
        Assert.Equal([Phone, Email], (await alerts.ListDeliveriesAsync("e1", CancellationToken.None)).Select(d => d.Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RowsWrittenBeforeTheKey_StillRead()
    {
        var table = await SharedAzurite.NewTableAsync("contacts");
        var contact = new Contact("c2", "KZ-SHY", "Old Row", ContactRole.Ngo, 1, Phone, Email, "en", true);
        await new ContactStore(table).PutAsync(contact, CancellationToken.None);

        Assert.Equal(contact, await new ContactStore(table, Cipher).GetAsync("KZ-SHY", "c2", CancellationToken.None));
    }
}
