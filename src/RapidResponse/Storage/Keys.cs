namespace RapidResponse.Storage;

/// <summary>What may be used as a partition or row key: no '/', '\', '#', '?' or control characters.</summary>
public static class Keys
{
    public const int MaxLength = 100;

    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key)
        && key.Length <= MaxLength
        && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}
