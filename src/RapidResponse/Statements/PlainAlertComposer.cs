using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using RapidResponse.Alerts;

namespace RapidResponse.Statements;

/// <summary>Plain English alert texts: the facts a lawyer or an NGO needs to act, nothing invented.</summary>
public sealed class PlainAlertComposer(IOptions<RapidResponseOptions> options) : IAlertComposer
{
    public SmsText ComposeSms(Alert alert, Recipient recipient)
    {
        var body = new StringBuilder()
            .Append("RapidResponse ").Append(alert.Incident.ToWire().ToUpperInvariant())
            .Append(": ").Append(AlertFactsText.Who(alert))
            .Append(". Where: ").Append(AlertFactsText.Place(alert))
            .Append(". When: ").Append(AlertFactsText.When(alert)).Append('.');
        if (alert.Message is { } message)
        {
            body.Append(' ').Append(message);
        }

        body.Append(" Reply YES to respond. Ref ").Append(AlertFactsText.Reference(alert))
            .Append(' ').Append(StatusUrl(alert));
        return new SmsText(body.ToString());
    }

    public EmailText ComposeEmail(Alert alert, Recipient recipient)
    {
        var subject = $"URGENT: {alert.Incident.ToWire()} in {alert.Region}: human-rights defenders at risk (ref {AlertFactsText.Reference(alert)})";
        (string Label, string Value)[] facts =
        [
            ("Incident", alert.Incident.ToWire()),
            ("Who", AlertFactsText.Who(alert)),
            ("Where", AlertFactsText.Place(alert)),
            ("When", AlertFactsText.When(alert)),
            ("Event", alert.EventName ?? "not given"),
            ("Region", alert.Region),
            ("What the organizer says", alert.Message ?? "nothing yet"),
            ("Reference", AlertFactsText.Reference(alert)),
        ];

        var text = new StringBuilder()
            .Append("Dear ").Append(recipient.Name).AppendLine(",").AppendLine()
            .AppendLine("An organizer has raised an alert through RapidResponse. The facts as reported:").AppendLine();
        var html = new StringBuilder()
            .Append("<p>Dear ").Append(WebUtility.HtmlEncode(recipient.Name)).Append(",</p>")
            .Append("<p>An organizer has raised an alert through RapidResponse. The facts as reported:</p><ul>");
        foreach (var (label, value) in facts)
        {
            text.Append("- ").Append(label).Append(": ").AppendLine(value);
            html.Append("<li><strong>").Append(WebUtility.HtmlEncode(label)).Append(":</strong> ")
                .Append(WebUtility.HtmlEncode(value)).Append("</li>");
        }

        text.AppendLine().AppendLine("Please act now: a public statement within hours protects people who are detained.");
        html.Append("</ul><p>Please act now: a public statement within hours protects people who are detained.</p>");
        return new EmailText(subject, text.ToString(), html.ToString(), []);
    }

    private Uri StatusUrl(Alert alert) => options.Value.Link($"api/alerts/{alert.Id}");
}
