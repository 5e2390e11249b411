using System.Text;
using RapidResponse.Alerts;
using RapidResponse.Organizers;

namespace RapidResponse.Statements;

/// <summary>
/// The texts of what follows an alert: the responder's confirmation, reminders, updates and the resolution, the
/// duress signal, and the organizer's "who is coming". English for now; the alert SMS itself is localised.
/// </summary>
public static class FollowUpTexts
{
    public const string DuressPrefix = "DURESS SIGNAL: ";
    public const string ReminderPrefix = "REMINDER, nobody has responded yet: ";

    /// <summary>Everything a lawyer needs on the way: every name, the place and map link, the message, the organizer's phone if shared.</summary>
    public static string Confirmation(Alert alert, string responder, Organizer? organizer)
    {
        var text = new StringBuilder()
            .Append("RapidResponse: thank you, ").Append(responder).Append(". You are responding to ref ").Append(AlertFactsText.Reference(alert)).Append(". ")
            .Append(alert.Incident.ToWire().ToUpperInvariant()).Append(": ").Append(AlertFactsText.Who(alert)).Append(". ")
            .Append("Where: ").Append(AlertFactsText.Place(alert)).Append(". When: ").Append(AlertFactsText.When(alert)).Append('.');
        if (!string.IsNullOrWhiteSpace(alert.Message))
        {
            text.Append(" Message: \"").Append(alert.Message).Append("\".");
        }

        if (alert.EventName is { } eventName)
        {
            text.Append(" Event: ").Append(eventName).Append('.');
        }

        text.Append(organizer is { SharePhone: true, Phone: { } phone }
            ? $" Organiser: {organizer.Name}, {phone}."
            : " The organiser's number is not shared; they have been told you are coming.");
        return text.ToString();
    }

    public static string Notice(Alert alert, string firstName, string role) =>
        $"RapidResponse: {firstName} ({role}) is responding to your alert {AlertFactsText.Reference(alert)}.";

    public static string UpdateSms(Alert alert, string status, string? message) =>
        $"RapidResponse update, ref {AlertFactsText.Reference(alert)}: {Words(status)}.{Quote(message)}";

    public static string ResolutionSms(Alert alert, string outcome, string? message) =>
        $"RapidResponse: ref {AlertFactsText.Reference(alert)} is resolved ({Words(outcome)}).{Quote(message)} Thank you for standing by.";

    public static string DuressSms(Alert alert) =>
        $"{DuressPrefix}RapidResponse ref {AlertFactsText.Reference(alert)} was called off under duress: the organiser is likely still in danger. "
        + "Treat the alert as active. Do not call or text the organiser's phone.";

    public static string Subject(string kind, Alert alert) => $"{kind}: {alert.Incident.ToWire()} in {alert.Region} (ref {AlertFactsText.Reference(alert)})";

    private static string Words(string wire) => wire.Replace('-', ' ');

    private static string Quote(string? message) => string.IsNullOrWhiteSpace(message) ? "" : $" \"{message}\"";
}
