namespace RapidResponse.Storage;

/// <summary>New identifiers: time-ordered (UUID v7), so rows sort by creation.</summary>
public static class Ids
{
    public static string NewId(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
}
