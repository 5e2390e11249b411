namespace RapidResponse.Storage;

/// <summary>New identifiers: time-ordered (UUID v7), so rows sort by creation.</summary>
public static class Ids
{
    public static string NewId(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    /// <summary>When an id made by <see cref="NewId"/> was made (its first 48 bits, milliseconds since 1970); null for any other string.</summary>
    public static DateTimeOffset? CreatedAt(string id)
    {
        if (!Guid.TryParseExact(id, "N", out var guid) || guid.Version != 7)
        {
            return null;
        }

        var milliseconds = Convert.ToInt64(id[..12], 16);
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }
}
