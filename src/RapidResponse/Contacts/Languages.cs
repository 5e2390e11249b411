using RapidResponse.Http;

namespace RapidResponse.Contacts;

/// <summary>
/// Languages a recipient or organizer can be written to in (ISO 639-1); English when none is given. Kazakh is
/// accepted for people who read it; where a text has no Kazakh version yet it falls back to Russian.
/// </summary>
public static class Languages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> Supported = ["en", "ru", "kk"];

    /// <summary>A supported language as given, else the default (for what a reader asks to see, never for what is stored).</summary>
    public static string OrDefault(string? value) => NormalizeOrReport(new FieldErrors(), "language", value);

    public static string NormalizeOrReport(FieldErrors errors, string field, string? value)
    {
        var trimmed = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Default;
        }

        if (!Supported.Contains(trimmed, StringComparer.Ordinal))
        {
            errors.Add(field, $"must be one of the supported languages: {string.Join(", ", Supported)}");
            return Default;
        }

        return trimmed;
    }
}
