namespace RapidResponse.Recipients;

/// <summary>The page speaks English and Russian; Kazakh readers get Russian, which every Kazakh reader also reads.</summary>
public static class RecipientLanguage
{
    public static string Of(string? language) => language is "ru" or "kk" ? "ru" : "en";
}
