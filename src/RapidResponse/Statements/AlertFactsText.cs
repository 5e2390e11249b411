using System.Globalization;
using RapidResponse.Alerts;

namespace RapidResponse.Statements;

/// <summary>The facts of an alert as short phrases, shared by every message format.</summary>
public static class AlertFactsText
{
    public static string? MapLink(Alert alert) =>
        alert.Location is { Lat: { } lat, Lon: { } lon }
            ? string.Create(CultureInfo.InvariantCulture, $"https://maps.google.com/?q={lat:0.#####},{lon:0.#####}")
            : null;

    public static string Place(Alert alert) =>
        (alert.Location?.Text, MapLink(alert)) switch
        {
            ({ } text, { } link) => $"{text} {link}",
            ({ } text, null) => text,
            (null, { } link) => link,
            _ => "place not given",
        };

    public static string When(Alert alert) =>
        alert.OccurredAt.UtcDateTime.ToString("HH:mm 'UTC' d MMM", CultureInfo.InvariantCulture);

    public static string Who(Alert alert) =>
        alert.People.Count == 0
            ? "the organizer"
            : string.Join(", ", alert.People.Select(p => p.Role is null ? p.Name : $"{p.Name} ({p.Role})"));

    /// <summary>A short reference people can say on the phone: the last 6 characters of the alert id.</summary>
    public static string Reference(Alert alert) => alert.Id[^6..].ToUpperInvariant();
}
