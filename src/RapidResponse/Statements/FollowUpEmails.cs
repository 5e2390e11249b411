using System.Net;
using System.Text;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Responses;

namespace RapidResponse.Statements;

/// <summary>Follow-up emails: what changed, and for NGOs the updated statement draft (StatementService's follow-up templates).</summary>
public static class FollowUpEmails
{
    public static EmailText Compose(Alert alert, Recipient recipient, FollowUpRecord followUp, StatementService statements)
    {
        var (kind, lead) = followUp.Kind switch
        {
            FollowUpKind.Duress => ("DURESS SIGNAL", FollowUpTexts.DuressSms(alert)),
            FollowUpKind.Resolution => ("RESOLVED", FollowUpTexts.ResolutionSms(alert, followUp.Status, followUp.Message)),
            _ => ("UPDATE", FollowUpTexts.UpdateSms(alert, followUp.Status, followUp.Message)),
        };
        var draft = recipient.Role == ContactRole.Ngo && DraftFor(followUp) is { } status
            ? statements.RenderFollowUp(alert, status, followUp.Message, recipient.Language)
            : null;

        var text = new StringBuilder().Append("Dear ").Append(recipient.Name).AppendLine(",").AppendLine().AppendLine(lead);
        var html = new StringBuilder().Append("<p>Dear ").Append(WebUtility.HtmlEncode(recipient.Name)).Append(",</p><p>")
            .Append(WebUtility.HtmlEncode(lead)).Append("</p>");
        if (draft is not null)
        {
            const string intro = "Below is the updated draft statement. Verify every fact before publishing.";
            text.AppendLine().AppendLine(intro).AppendLine().AppendLine("----").AppendLine().Append(draft.Markdown);
            html.Append("<p>").Append(intro).Append("</p><hr>").Append(DraftHtml.Write(draft.Markdown));
        }

        return new EmailText(FollowUpTexts.Subject(kind, alert), text.ToString(), html.ToString(), []);
    }

    /// <summary>The follow-up template of an update or resolution; none for "other" or a duress signal (the first draft stands).</summary>
    private static FollowUp? DraftFor(FollowUpRecord followUp) => (followUp.Kind, followUp.Status) switch
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
