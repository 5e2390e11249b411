namespace RapidResponse.Contacts;

/// <summary>Which of a contact's fields a write changed, by name only (the audit log never holds their values).</summary>
public static class ContactChanges
{
    public static IReadOnlyList<string> Fields(Contact? before, Contact after)
    {
        var fields = new List<string>();
        void Check(string field, bool changed)
        {
            if (changed)
            {
                fields.Add(field);
            }
        }

        Check("name", before?.Name != after.Name);
        Check("role", before?.Role != after.Role);
        Check("tier", before?.Tier != after.Tier);
        Check("phone", before?.Phone != after.Phone && (before is not null || after.Phone is not null));
        Check("email", before?.Email != after.Email && (before is not null || after.Email is not null));
        Check("language", before?.Language != after.Language);
        Check("active", before?.Active != after.Active);
        return fields;
    }
}
