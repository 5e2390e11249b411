namespace RapidResponse.Recipients;

/// <summary>
/// The page's language for a recipient: English, Russian or Kazakh; anything else reads English. The page's own
/// words fall back from Kazakh to Russian (r-i18n.js), as the drafts on it do (StatementService.LanguageFor).
/// </summary>
public static class RecipientLanguage
{
    public static string Of(string? language) => language is "ru" or "kk" ? language : "en";
}
