using System.Globalization;
using RapidResponse.Alerts;

namespace RapidResponse.Statements;

/// <summary>How a draft marks what the alert did not say, and how it writes dates. A gap is shown, never filled in.</summary>
public static class Placeholders
{
    public const string English = "[to confirm]";
    public const string Russian = "[уточнить]";

    private static readonly string[] RussianMonths =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    public static string ToConfirm(string language) => language == "ru" ? Russian : English;

    public static string OrToConfirm(string? value, string language) =>
        string.IsNullOrWhiteSpace(value) ? ToConfirm(language) : value;

    /// <summary>"29 May 2026" or "29 мая 2026 г.", in UTC. Russian months are spelled here so the text never depends on ICU data.</summary>
    public static string Date(DateTimeOffset at, string language)
    {
        var utc = at.UtcDateTime;
        return language == "ru"
            ? string.Create(CultureInfo.InvariantCulture, $"{utc.Day} {RussianMonths[utc.Month - 1]} {utc.Year} г.")
            : utc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
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
            _ => incident.ToWire(),
        };
}
