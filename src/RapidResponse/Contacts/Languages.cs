using RapidResponse.Http;

namespace RapidResponse.Contacts;

/// <summary>Languages a recipient can be written to in (ISO 639-1); English when none is given.</summary>
public static class Languages
{
    public const string Default = "en";

    public static string NormalizeOrReport(FieldErrors errors, string field, string? value)
    {
        var trimmed = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Default;
        }

        if (trimmed.Length != 2 || !trimmed.All(char.IsAsciiLetterLower))
        {
            errors.Add(field, "must be a two-letter language code such as en, ru or kk");
            return Default;
        }

        return trimmed;
    }
}
