using System.Globalization;
using RapidResponse.Alerts;

namespace RapidResponse.Statements;

/// <summary>
/// Who is at risk, as a public text may say it: a person is named only with their consent
/// (<see cref="Person.PublicName"/>); everyone else is counted ("two activists"), never described.
/// </summary>
public static class PublicPeople
{
    private static readonly string[] EnglishNumbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    private static readonly string[] RussianNumbers = ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"];
    private static readonly string[] KazakhNumbers = ["нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он"];

    public static IReadOnlyList<string> Named(Alert alert) =>
        alert.People.Where(p => p.PublicName).Select(p => p.Name).ToList();

    public static int Unnamed(Alert alert) => alert.People.Count(p => !p.PublicName);

    /// <summary>"Aigerim Bekova and two other activists", "an organiser", or the placeholder when nobody was listed.</summary>
    public static string Describe(Alert alert, string language)
    {
        var named = Named(alert);
        var unnamed = Unnamed(alert);
        if (named.Count == 0 && unnamed == 0)
        {
            return Placeholders.ToConfirm(language);
        }

        return language switch
        {
            "kk" => Kazakh(named, unnamed),
            "ru" => Russian(named, unnamed),
            _ => English(named, unnamed),
        };
    }

    /// <summary>A Kazakh noun stays singular after a number: "екі белсенді".</summary>
    private static string Kazakh(IReadOnlyList<string> named, int unnamed)
    {
        var number = unnamed < KazakhNumbers.Length ? KazakhNumbers[unnamed] : unnamed.ToString(CultureInfo.InvariantCulture);
        if (named.Count == 0)
        {
            return unnamed == 1 ? "ұйымдастырушылардың бірі" : $"{number} белсенді";
        }

        var names = named.Count == 1 ? named[0] : string.Join(", ", named.Take(named.Count - 1)) + " және " + named[^1];
        return unnamed == 0 ? names : $"{names} және тағы {number} белсенді";
    }

    private static string English(IReadOnlyList<string> named, int unnamed)
    {
        if (named.Count == 0)
        {
            return unnamed == 1 ? "an organiser" : $"{EnglishNumber(unnamed)} activists";
        }

        var names = JoinEnglish(named);
        return unnamed switch
        {
            0 => names,
            1 => $"{names} and one other activist",
            _ => $"{names} and {EnglishNumber(unnamed)} other activists",
        };
    }

    private static string Russian(IReadOnlyList<string> named, int unnamed)
    {
        if (named.Count == 0)
        {
            return unnamed == 1 ? "один из организаторов" : $"{RussianNumber(unnamed)} {RussianActivists(unnamed)}";
        }

        var names = named.Count == 1 ? named[0] : string.Join(", ", named.Take(named.Count - 1)) + " и " + named[^1];
        return unnamed == 0 ? names : $"{names} и ещё {RussianNumber(unnamed)} {RussianActivists(unnamed)}";
    }

    private static string JoinEnglish(IReadOnlyList<string> names) =>
        names.Count switch
        {
            1 => names[0],
            2 => $"{names[0]} and {names[1]}",
            _ => string.Join(", ", names.Take(names.Count - 1)) + ", and " + names[^1],
        };

    private static string EnglishNumber(int n) =>
        n < EnglishNumbers.Length ? EnglishNumbers[n] : n.ToString(CultureInfo.InvariantCulture);

    private static string RussianNumber(int n) =>
        n < RussianNumbers.Length ? RussianNumbers[n] : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Russian plural after a number: 1 активист, 2–4 активиста, 5–20 активистов.</summary>
    private static string RussianActivists(int n) =>
        (n % 100, n % 10) switch
        {
            ( >= 11 and <= 14, _) => "активистов",
            (_, 1) => "активист",
            (_, >= 2 and <= 4) => "активиста",
            _ => "активистов",
        };
}
