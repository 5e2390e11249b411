using System.Globalization;
using RapidResponse.Alerts;

namespace RapidResponse.Statements;

/// <summary>The fixed words of an alert SMS in one language. Kept short: every character of a Cyrillic SMS costs 1/67 of a segment.</summary>
public sealed record SmsPhrases(
    string Brand,
    Func<Incident, string> Incident,
    string Where,
    string When,
    string Nobody,
    Func<int, string> Others,
    string ReplyYes,
    string Ref,
    Func<DateTimeOffset, string> Time)
{
    public static readonly SmsPhrases English = new(
        "RapidResponse ",
        i => i == Alerts.Incident.Other ? "ALERT" : i.ToWire().ToUpperInvariant(),
        "Where: ",
        "When: ",
        "organiser (no names given)",
        n => n == 1 ? "+1 other" : string.Create(CultureInfo.InvariantCulture, $"+{n} others"),
        "Reply YES to respond.",
        "Ref ",
        at => at.UtcDateTime.ToString("HH:mm 'UTC' d MMM", CultureInfo.InvariantCulture));

    public static readonly SmsPhrases Russian = new(
        "RapidResponse ",
        i => i == Alerts.Incident.Other ? "ТРЕВОГА" : Placeholders.Incident(i, "ru").ToUpperInvariant(),
        "Где: ",
        "Когда: ",
        "организатор (имена не указаны)",
        n => string.Create(CultureInfo.InvariantCulture, $"+ещё {n}"),
        "Ответьте ДА.",
        "№",
        at => at.UtcDateTime.ToString("HH:mm 'UTC' dd.MM", CultureInfo.InvariantCulture));

    public static readonly SmsPhrases Kazakh = new(
        "RapidResponse ",
        i => i == Alerts.Incident.Other ? "ДАБЫЛ" : Placeholders.Incident(i, "kk").ToUpperInvariant(),
        "Қайда: ",
        "Қашан: ",
        "ұйымдастырушы (аты-жөні көрсетілмеген)",
        n => string.Create(CultureInfo.InvariantCulture, $"+тағы {n}"),
        "ИӘ деп жауап беріңіз.",
        "№",
        at => at.UtcDateTime.ToString("HH:mm 'UTC' dd.MM", CultureInfo.InvariantCulture));

    public static SmsPhrases For(string language) => language switch
    {
        "kk" => Kazakh,
        "ru" => Russian,
        _ => English,
    };
}
