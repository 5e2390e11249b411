using System.Text;

namespace RapidResponse.Statements;

/// <summary>A draft as the two files an NGO edits and publishes from: <c>.docx</c> for a word processor, <c>.md</c> for a site.</summary>
public static class DraftAttachments
{
    private const string Markdown = "text/markdown; charset=utf-8";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary><paramref name="name"/> without extension, e.g. "statement-detention-7f3k2q-en".</summary>
    public static IReadOnlyList<EmailAttachment> Of(string name, StatementDraft draft) =>
    [
        new EmailAttachment(name + ".docx", Docx, DraftDocx.Write(draft.Markdown)),
        new EmailAttachment(name + ".md", Markdown, Encoding.UTF8.GetBytes(draft.Markdown)),
    ];
}
