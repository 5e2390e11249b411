using RapidResponse.Http;

namespace RapidResponse.Contacts;

/// <summary>
/// Languages a recipient or organizer can be written to in (ISO 639-1); English when none is given. Kazakh is
/// accepted for people who read it; where a text has no Kazakh version yet it falls back to Russian.
/// </summary>
public static class Languages
{
    public const string Default = "en";
    public const string Russian = "ru";
    public const string Kazakh = "kk";

    public static readonly IReadOnlyList<string> Supported = ["en", "ru", "kk"];

    private static readonly string[] KazakhChain = [Kazakh, Russian, Default];
    private static readonly string[] RussianChain = [Russian, Default];
    private static readonly string[] EnglishChain = [Default];

    /// <summary>
    /// The languages to try, in order, for a text meant for a reader of <paramref name="language"/>: Kazakh, then
    /// Russian (which Kazakh readers also read), and English last, so a text without a Kazakh version never turns
    /// English for a Kazakh reader while a Russian one exists.
    /// </summary>
    public static IReadOnlyList<string> Fallbacks(string? language) => language switch
    {
        Kazakh => KazakhChain,
        Russian => RussianChain,
        _ => EnglishChain,
    };

    /// <summary>The first of <paramref name="language"/>'s <see cref="Fallbacks"/> that <paramref name="has"/> a text in.</summary>
    public static string Pick(string? language, Func<string, bool> has) => Fallbacks(language).FirstOrDefault(has) ?? Default;

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
