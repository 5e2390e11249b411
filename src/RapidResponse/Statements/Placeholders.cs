using System.Globalization;
using RapidResponse.Alerts;

namespace RapidResponse.Statements;

/// <summary>How a draft marks what the alert did not say, and how it writes dates. A gap is shown, never filled in.</summary>
public static class Placeholders
{
    public const string English = "[to confirm]";
    public const string Russian = "[уточнить]";
    public const string Kazakh = "[нақтылау]";

    private static readonly string[] RussianMonths =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    private static readonly string[] KazakhMonths =
        ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

    public static string ToConfirm(string language) => language switch
    {
        "kk" => Kazakh,
        "ru" => Russian,
        _ => English,
    };

    public static string OrToConfirm(string? value, string language) =>
        string.IsNullOrWhiteSpace(value) ? ToConfirm(language) : value;

    /// <summary>
    /// "29 May 2026", "29 мая 2026 г." or "2026 жылғы 29 мамыр", in UTC. Russian and Kazakh months are spelled here
    /// so the text never depends on ICU data.
    /// </summary>
    public static string Date(DateTimeOffset at, string language)
    {
        var utc = at.UtcDateTime;
        return language switch
        {
            "kk" => string.Create(CultureInfo.InvariantCulture, $"{utc.Year} жылғы {utc.Day} {KazakhMonths[utc.Month - 1]}"),
            "ru" => string.Create(CultureInfo.InvariantCulture, $"{utc.Day} {RussianMonths[utc.Month - 1]} {utc.Year} г."),
            _ => utc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Incident(Incident incident, string language) =>
        (language, incident) switch
        {
            ("ru", Alerts.Incident.Attack) => "нападение",
            ("ru", Alerts.Incident.Detention) => "задержание",
            ("ru", Alerts.Incident.Raid) => "обыск",
            ("ru", Alerts.Incident.Threat) => "угрозы",
            ("ru", Alerts.Incident.Ban) => "запрет",
            ("ru", _) => "инцидент",
            ("kk", Alerts.Incident.Attack) => "шабуыл",
            ("kk", Alerts.Incident.Detention) => "ұстап алу",
            ("kk", Alerts.Incident.Raid) => "тінту",
            ("kk", Alerts.Incident.Threat) => "қорқыту",
            ("kk", Alerts.Incident.Ban) => "тыйым салу",
            ("kk", _) => "оқиға",
            _ => incident.ToWire(),
        };
}
