using System.Net;
using System.Text;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Responses;

namespace RapidResponse.Statements;

/// <summary>
/// Follow-up emails: what changed, and for NGOs the updated statement draft (StatementService's follow-up templates),
/// in the body and attached as .docx and .md, as the first draft was.
/// The resolution email also carries the record's fingerprint (its head): every recipient then holds,
/// outside the service's storage, the hash its exported record must still reach, which is what makes the hash chain
/// evidence against someone able to rewrite that storage (docs/SECURITY.md).
/// </summary>
public static class FollowUpEmails
{
    public static EmailText Compose(Alert alert, Recipient recipient, FollowUpRecord followUp, StatementService statements, RecordHead? head = null)
    {
        // In the recipient's language, as the alert email was.
        var texts = FollowUpTexts.For(recipient.Language);
        var (kind, lead) = followUp.Kind switch
        {
            FollowUpKind.Duress => (FollowUpTexts.DuressKind, texts.DuressSms(alert)),
            FollowUpKind.Resolution => (FollowUpTexts.ResolvedKind, texts.ResolutionSms(alert, followUp.Status, followUp.Message)),
            _ => (FollowUpTexts.UpdateKind, texts.UpdateSms(alert, followUp.Status, followUp.Message)),
        };
        var draft = recipient.Role == ContactRole.Ngo && DraftFor(followUp) is { } status
            ? statements.RenderFollowUp(alert, status, followUp.Message, followUp.At, recipient.Language)
            : null;

        var greeting = texts.Greeting(recipient.Name);
        var text = new StringBuilder().AppendLine(greeting).AppendLine().AppendLine(lead);
        var html = new StringBuilder().Append("<p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p><p>")
            .Append(WebUtility.HtmlEncode(lead)).Append("</p>");
        if (head is not null)
        {
            var fingerprint = texts.Fingerprint(alert, head);
            text.AppendLine().AppendLine(fingerprint);
            html.Append("<p>").Append(WebUtility.HtmlEncode(fingerprint)).Append("</p>");
        }

        if (draft is not null)
        {
            text.AppendLine().AppendLine(texts.DraftIntro).AppendLine().AppendLine("----").AppendLine().Append(draft.Markdown);
            html.Append("<p>").Append(WebUtility.HtmlEncode(texts.DraftIntro)).Append("</p><hr>").Append(DraftHtml.Write(draft.Markdown));
        }

        var attachments = draft is null
            ? []
            : DraftAttachments.Of($"statement-{AlertFactsText.Reference(alert).ToLowerInvariant()}-update-{followUp.Number}-{followUp.Status}-{draft.Language}", draft);
        return new EmailText(texts.Subject(kind, alert, statements.PlaceName(alert, texts.Language)), text.ToString(), html.ToString(), attachments);
    }

    /// <summary>The follow-up template of an update or resolution; none for "other" or a duress signal (the first draft stands).</summary>
    public static FollowUp? DraftFor(FollowUpRecord followUp) => (followUp.Kind, followUp.Status) switch
    {
        (FollowUpKind.Duress, _) => null,
        (FollowUpKind.Resolution, "released") => FollowUp.Released,
        (FollowUpKind.Resolution, _) => FollowUp.Resolved,
        (_, "still-held") => FollowUp.StillHeld,
        (_, "charged") => FollowUp.Charged,
        (_, "released") => FollowUp.Released,
        (_, "injured") => FollowUp.Injured,
        _ => null,
    };
}
