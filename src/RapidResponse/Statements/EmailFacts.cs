using System.Net;
using System.Text;
using RapidResponse.Alerts;

namespace RapidResponse.Statements;

/// <summary>
/// The facts block that opens every alert email, as a label/value list. Private recipients (NGOs, lawyers,
/// diplomats) see every name, with the ones not cleared for publication marked; the press sees only consented names.
/// </summary>
public static class EmailFacts
{
    /// <summary>The facts, with <paramref name="place"/> the region's name as a person reads it (StatementService.PlaceName).</summary>
    public static IReadOnlyList<(string Label, string Value)> List(Alert alert, string language, bool allNames, string place)
    {
        var labels = EmailWords.For(language).Labels;
        return
        [
            (labels.Incident, Placeholders.Incident(alert.Incident, language)),
            (labels.Who, Who(alert, language, allNames)),
            (labels.Where, Placeholders.OrToConfirm(alert.Location?.Text, language) + $" ({place})"),
            (labels.Map, AlertFactsText.MapLink(alert) ?? Placeholders.ToConfirm(language)),
            (labels.When, $"{Placeholders.Date(alert.OccurredAt, language)}, {Placeholders.Time(alert.OccurredAt)}"),
            (labels.Event, Placeholders.OrToConfirm(alert.EventName, language)),
            (labels.Message, Placeholders.OrToConfirm(alert.Message, language)),
            (labels.Reference, AlertFactsText.Reference(alert)),
        ];
    }

    public static string Text(IEnumerable<(string Label, string Value)> facts) =>
        facts.Aggregate(new StringBuilder(), (text, f) => text.Append("- ").Append(f.Label).Append(": ").AppendLine(f.Value)).ToString();

    public static string Html(IEnumerable<(string Label, string Value)> facts) =>
        facts.Aggregate(new StringBuilder("<ul>"), (html, f) => html.Append("<li><strong>").Append(WebUtility.HtmlEncode(f.Label))
            .Append(":</strong> ").Append(WebUtility.HtmlEncode(f.Value)).Append("</li>")).Append("</ul>").ToString();

    private static string Who(Alert alert, string language, bool allNames)
    {
        if (!allNames)
        {
            return PublicPeople.Describe(alert, language);
        }

        if (alert.People.Count == 0)
        {
            return Placeholders.ToConfirm(language);
        }

        var notPublic = EmailWords.For(language).NotPublic;
        return string.Join("; ", alert.People.Select(p =>
        {
            var notes = new[] { p.Role, p.PublicName ? null : notPublic }.Where(n => n is not null);
            return notes.Any() ? $"{p.Name} ({string.Join(", ", notes)})" : p.Name;
        }));
    }
}
