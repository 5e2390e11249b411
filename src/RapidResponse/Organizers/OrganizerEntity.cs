using Azure;
using Azure.Data.Tables;
using RapidResponse.Security;

namespace RapidResponse.Organizers;

/// <summary>
/// Row of the <c>Organizers</c> table: partition "org", row key the organizer id. Token and codes as hashes only;
/// name, regions and phone sealed (<see cref="FieldCipher"/>).
/// </summary>
internal sealed class OrganizerEntity : ITableEntity
{
    public const string Partition = "org";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string Regions { get; set; } = "";
    public string? Phone { get; set; }
    public string Language { get; set; } = "en";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool Revoked { get; set; }
    public bool SharePhone { get; set; }
    public string? CodeSalt { get; set; }
    public string? SafeCodeHash { get; set; }
    public string? DuressCodeHash { get; set; }
    public string? SmsCodewordHash { get; set; }

    public static OrganizerEntity From(Organizer organizer) => new()
    {
        RowKey = organizer.Id,
        Name = organizer.Name,
        Regions = string.Join(',', organizer.Regions),
        Phone = organizer.Phone,
        Language = organizer.Language,
        TokenHash = organizer.TokenHash,
        CreatedAt = organizer.CreatedAt,
        Revoked = organizer.Revoked,
        SharePhone = organizer.SharePhone,
        CodeSalt = organizer.Codes.Salt,
        SafeCodeHash = organizer.Codes.SafeCode,
        DuressCodeHash = organizer.Codes.DuressCode,
        SmsCodewordHash = organizer.Codes.SmsCodeword,
    };

    public OrganizerEntity Sealed(FieldCipher cipher)
    {
        var row = cipher.For(Storage.TableNames.Organizers, PartitionKey, RowKey);
        Name = row.SealText(nameof(Name), Name);
        Regions = row.SealText(nameof(Regions), Regions);
        Phone = row.Seal(nameof(Phone), Phone);
        return this;
    }

    public OrganizerEntity Opened(FieldCipher cipher)
    {
        var row = cipher.For(Storage.TableNames.Organizers, PartitionKey, RowKey);
        Name = row.OpenText(nameof(Name), Name);
        Regions = row.OpenText(nameof(Regions), Regions);
        Phone = row.Open(nameof(Phone), Phone);
        return this;
    }

    public Organizer ToOrganizer() => new(
        RowKey,
        Name,
        Regions.Split(',', StringSplitOptions.RemoveEmptyEntries),
        Phone,
        Language,
        TokenHash,
        CreatedAt,
        Revoked)
    {
        SharePhone = SharePhone,
        Codes = new OrganizerCodes(CodeSalt, SafeCodeHash, DuressCodeHash, SmsCodewordHash),
    };
}
