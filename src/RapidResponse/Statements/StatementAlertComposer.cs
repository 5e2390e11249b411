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
        var ru = language == "ru";
        var allNames = recipient.Role is ContactRole.Ngo or ContactRole.Lawyer or ContactRole.Diplomat;
        var place = statements.PlaceName(alert, language);
        var facts = EmailFacts.List(alert, language, allNames, place);
        var draft = recipient.Role switch
        {
            ContactRole.Ngo => statements.RenderStatement(alert, language),
            ContactRole.Diplomat => statements.RenderDiplomatNotice(alert, language),
            _ => null,
        };

        var greeting = ru ? $"Здравствуйте, {recipient.Name}!" : $"Dear {recipient.Name},";
        var intro = ru ? "Организатор подал сигнал тревоги через RapidResponse. Факты по его сообщению:" : "An organiser has raised an alert through RapidResponse. The facts as reported:";
        var text = new StringBuilder().AppendLine(greeting).AppendLine().AppendLine(intro).AppendLine().Append(EmailFacts.Text(facts));
        var html = new StringBuilder().Append("<p>").Append(System.Net.WebUtility.HtmlEncode(greeting)).Append("</p><p>")
            .Append(System.Net.WebUtility.HtmlEncode(intro)).Append("</p>").Append(EmailFacts.Html(facts));
        if (draft is not null)
        {
            var lead = recipient.Role == ContactRole.Ngo
                ? (ru ? "Ниже — черновик заявления (также во вложении в форматах .docx и .md). Проверьте каждый факт перед публикацией." : "Below is a draft statement (also attached as .docx and .md). Verify every fact before publishing.")
                : (ru ? "Ниже — уведомление для вашего представительства." : "Below is a notice for your mission.");
            text.AppendLine().AppendLine(lead).AppendLine().AppendLine("----").AppendLine().Append(draft.Markdown);
            html.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(lead)).Append("</p><hr>").Append(DraftHtml.Write(draft.Markdown));
        }
        else
        {
            var act = ru ? "Пожалуйста, действуйте сейчас: публичная реакция в первые часы защищает задержанных." : "Please act now: a public response within hours protects people who are detained.";
            text.AppendLine().AppendLine(act);
            html.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(act)).Append("</p>");
        }

        return new EmailText(Subject(alert, recipient.Role, ru, place), text.ToString(), html.ToString(), Attachments(alert, recipient.Role, draft));
    }

    private static string Subject(Alert alert, ContactRole role, bool ru, string place)
    {
        var incident = Placeholders.Incident(alert.Incident, ru ? "ru" : "en");
        var reference = AlertFactsText.Reference(alert);
        return (ru, role) switch
        {
            (true, ContactRole.Ngo) => $"СРОЧНО: {incident} ({place}), черновик заявления внутри (сигнал {reference})",
            (true, _) => $"СРОЧНО: {incident} ({place}), правозащитники в опасности (сигнал {reference})",
            (false, ContactRole.Ngo) => $"URGENT: {incident} in {place}: draft statement inside (ref {reference})",
            _ => $"URGENT: {incident} in {place}: human-rights defenders at risk (ref {reference})",
        };
    }

    private static IReadOnlyList<EmailAttachment> Attachments(Alert alert, ContactRole role, StatementDraft? draft)
    {
        if (role != ContactRole.Ngo || draft is null)
        {
            return [];
        }

        return DraftAttachments.Of($"statement-{alert.Incident.ToWire()}-{AlertFactsText.Reference(alert).ToLowerInvariant()}-{draft.Language}", draft);
    }
}
