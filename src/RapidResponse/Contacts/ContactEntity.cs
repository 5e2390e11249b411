using Azure;
using Azure.Data.Tables;
using RapidResponse.Security;

namespace RapidResponse.Contacts;

/// <summary>
/// Row of the <c>Contacts</c> table: partition the region, row key the contact id. Name, role, phone and email are
/// sealed (<see cref="FieldCipher"/>); tier and active stay clear because the press's query filters on them.
/// </summary>
internal sealed class ContactEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public int Tier { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string Language { get; set; } = "en";
    public bool Active { get; set; }
    public string? Prefers { get; set; }

    public static ContactEntity From(Contact contact) => new()
    {
        PartitionKey = contact.Region,
        RowKey = contact.Id,
        Name = contact.Name,
        Role = contact.Role.ToWire(),
        Tier = contact.Tier,
        Phone = contact.Phone,
        Email = contact.Email,
        Language = contact.Language,
        Active = contact.Active,
        Prefers = contact.Prefers,
    };

    public ContactEntity Sealed(FieldCipher cipher)
    {
        var row = cipher.For(Storage.TableNames.Contacts, PartitionKey, RowKey);
        Name = row.SealText(nameof(Name), Name);
        Role = row.SealText(nameof(Role), Role);
        Phone = row.Seal(nameof(Phone), Phone);
        Email = row.Seal(nameof(Email), Email);
        return this;
    }

    public ContactEntity Opened(FieldCipher cipher)
    {
        var row = cipher.For(Storage.TableNames.Contacts, PartitionKey, RowKey);
        Name = row.OpenText(nameof(Name), Name);
        Role = row.OpenText(nameof(Role), Role);
        Phone = row.Open(nameof(Phone), Phone);
        Email = row.Open(nameof(Email), Email);
        return this;
    }

    public Contact ToContact() => new(
        RowKey,
        PartitionKey,
        Name,
        ContactRoles.TryParse(Role, out var role) ? role : ContactRole.Ally,
        Tier,
        Phone,
        Email,
        Language,
        Active)
    {
        Prefers = Prefers,
    };
}
