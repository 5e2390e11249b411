using System.Globalization;
using System.Text;
using RapidResponse.Alerts;
using RapidResponse.Contacts;

namespace RapidResponse.Statements;

/// <summary>
/// What each recipient of an alert receives: lawyers an SMS they can act on; NGOs the facts, the draft statement
/// and the draft as .md and .docx; diplomats a notice in the EU Guidelines frame; journalists and allies the facts.
/// Journalists get no draft: an unverified draft in a newsroom can be reported as a statement nobody made.
/// </summary>
public sealed class StatementAlertComposer(StatementService statements) : IAlertComposer
{
    public SmsText ComposeSms(Alert alert, Recipient recipient) =>
        new(SmsComposer.Compose(alert, recipient, recipient.PageLink));

    public EmailText ComposeEmail(Alert alert, Recipient recipient)
    {
        var language = statements.LanguageFor(alert, recipient.Language);
        var words = EmailWords.For(language);
        var allNames = recipient.Role is ContactRole.Ngo or ContactRole.Lawyer or ContactRole.Diplomat;
        var place = statements.PlaceName(alert, language);
        var facts = EmailFacts.List(alert, language, allNames, place);
        var draft = recipient.Role switch
        {
            ContactRole.Ngo => statements.RenderStatement(alert, language),
            ContactRole.Diplomat => statements.RenderDiplomatNotice(alert, language),
            _ => null,
        };

        var greeting = string.Format(CultureInfo.InvariantCulture, words.GreetingFormat, recipient.Name);
        var intro = words.Intro;
        var text = new StringBuilder().AppendLine(greeting).AppendLine().AppendLine(intro).AppendLine().Append(EmailFacts.Text(facts));
        var html = new StringBuilder().Append("<p>").Append(System.Net.WebUtility.HtmlEncode(greeting)).Append("</p><p>")
            .Append(System.Net.WebUtility.HtmlEncode(intro)).Append("</p>").Append(EmailFacts.Html(facts));
        if (draft is not null)
        {
            var lead = recipient.Role == ContactRole.Ngo ? words.NgoLead : words.DiplomatLead;
            text.AppendLine().AppendLine(lead).AppendLine().AppendLine("----").AppendLine().Append(draft.Markdown);
            html.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(lead)).Append("</p><hr>").Append(DraftHtml.Write(draft.Markdown));
        }
        else
        {
            var act = words.Act;
            text.AppendLine().AppendLine(act);
            html.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(act)).Append("</p>");
        }

        return new EmailText(Subject(alert, recipient.Role, words, place), text.ToString(), html.ToString(), Attachments(alert, recipient.Role, draft));
    }

    private static string Subject(Alert alert, ContactRole role, EmailWords words, string place) => string.Format(
        CultureInfo.InvariantCulture,
        role == ContactRole.Ngo ? words.NgoSubjectFormat : words.SubjectFormat,
        Placeholders.Incident(alert.Incident, words.Language),
        place,
        AlertFactsText.Reference(alert));

    private static IReadOnlyList<EmailAttachment> Attachments(Alert alert, ContactRole role, StatementDraft? draft)
    {
        if (role != ContactRole.Ngo || draft is null)
        {
            return [];
        }

        return DraftAttachments.Of($"statement-{alert.Incident.ToWire()}-{AlertFactsText.Reference(alert).ToLowerInvariant()}-{draft.Language}", draft);
    }
}
