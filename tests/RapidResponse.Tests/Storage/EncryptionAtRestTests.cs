using Azure.Data.Tables;
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

    private static readonly string Key = Unit.FieldCipherTests.NewKey();
    private static readonly FieldCipher Cipher = Unit.FieldCipherTests.Cipher(Key);

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
        Assert.DoesNotContain("Aigerim", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("lawyer", dump, StringComparison.Ordinal);
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

    [Fact]
    public async Task V1ValuesWrittenBefore_StillRead_AndAreSealedAsV2WhenTheRowIsNextWritten()
    {
        var table = await SharedAzurite.NewTableAsync("contacts");
        await table.AddEntityAsync(new TableEntity("KZ-SHY", "c3")
        {
            ["Name"] = "Aigerim Nurlanovna",
            ["Role"] = "lawyer",
            ["Tier"] = 1,
            ["Phone"] = Unit.FieldCipherTests.V1(Key, Phone),
            ["Email"] = Unit.FieldCipherTests.V1(Key, Email),
            ["Language"] = "ru",
            ["Active"] = true,
        });
        var store = new ContactStore(table, Cipher);

        var read = await store.GetAsync("KZ-SHY", "c3", CancellationToken.None);
        Assert.Equal(new Contact("c3", "KZ-SHY", "Aigerim Nurlanovna", ContactRole.Lawyer, 1, Phone, Email, "ru", true), read);

        await store.PutAsync(read! with { Language = "kk" }, CancellationToken.None);
        var raw = (await table.GetEntityAsync<TableEntity>("KZ-SHY", "c3")).Value;
        foreach (var column in new[] { "Name", "Role", "Phone", "Email" })
        {
            Assert.StartsWith(FieldCipher.Prefix, raw.GetString(column), StringComparison.Ordinal);
        }

        Assert.Equal(read with { Language = "kk" }, await store.GetAsync("KZ-SHY", "c3", CancellationToken.None));
    }

    [Fact]
    public async Task ACiphertextCopiedToAnotherRow_IsRefused_WithAnErrorNamingTheRowAndColumn_NeverTheValue()
    {
        var contactsTable = await SharedAzurite.NewTableAsync("contacts");
        var alertsTable = await SharedAzurite.NewTableAsync("alerts");
        var contacts = new ContactStore(contactsTable, Cipher);
        var alerts = new AlertStore(alertsTable, Cipher);
        await contacts.PutManyAsync(
            [
                new Contact("c1", "KZ-SHY", "Aigerim Nurlanovna", ContactRole.Lawyer, 1, Phone, Email, "ru", true),
                new Contact("c2", "KZ-SHY", "Bolat Seitkali", ContactRole.Lawyer, 1, "+77017650000", null, "ru", true),
            ],
            CancellationToken.None);
        await alerts.AddDeliveriesAsync(
            [AlertStoreTests.Delivery("e1", "KZ|c1|sms") with { Address = Phone }, AlertStoreTests.Delivery("e1", "KZ|c2|sms") with { Address = "+77017650000" }],
            CancellationToken.None);

        // Someone with write access to storage points the second lawyer's row at the first one's name and phone.
        var first = (await contactsTable.GetEntityAsync<TableEntity>("KZ-SHY", "c1")).Value;
        await contactsTable.UpdateEntityAsync(
            new TableEntity("KZ-SHY", "c2") { ["Phone"] = first.GetString("Phone") }, Azure.ETag.All, TableUpdateMode.Merge);
        var firstDelivery = (await alertsTable.GetEntityAsync<TableEntity>("e1", "d|KZ|c1|sms")).Value;
        await alertsTable.UpdateEntityAsync(
            new TableEntity("e1", "d|KZ|c2|sms") { ["Address"] = firstDelivery.GetString("Address") }, Azure.ETag.All, TableUpdateMode.Merge);

        var refused = await Assert.ThrowsAsync<UnreadableFieldException>(() => contacts.GetAsync("KZ-SHY", "c2", CancellationToken.None));
        Assert.Equal("Contacts (KZ-SHY, c2) column Phone cannot be read: it does not decrypt for this row and column: copied from another, or altered.", refused.Message);

        // The press's query meets it too: the fan-out fails (to be retried, then parked for the operator), and sends
        // nothing to the number that was planted; the error never carries a value.
        var listing = await Assert.ThrowsAsync<UnreadableFieldException>(() => contacts.ListActiveAsync("KZ-SHY", 1, CancellationToken.None));
        var delivery = await Assert.ThrowsAsync<UnreadableFieldException>(() => alerts.GetDeliveryAsync("e1", "KZ|c2|sms", CancellationToken.None));
        Assert.Contains("d|KZ|c2|sms) column Address", delivery.Message, StringComparison.Ordinal);
        foreach (var message in new[] { refused.Message, listing.Message, delivery.Message })
        {
            Assert.DoesNotContain(Phone[1..], message, StringComparison.Ordinal);
            Assert.DoesNotContain("Aigerim", message, StringComparison.Ordinal);
            Assert.DoesNotContain("enc:", message, StringComparison.Ordinal);
        }

        // The rows that were not touched read as before.
        Assert.Equal(Phone, (await contacts.GetAsync("KZ-SHY", "c1", CancellationToken.None))!.Phone);
        Assert.Equal(Phone, (await alerts.GetDeliveryAsync("e1", "KZ|c1|sms", CancellationToken.None))!.Address);
    }
}
