using RapidResponse.Alerts;
using RapidResponse.Contacts;

namespace RapidResponse.Statements;

/// <summary>Who a message is written for; <see cref="PageLink"/> is their own page (<c>/api/r/{code}</c>), when they have one.</summary>
public sealed record Recipient(string Name, ContactRole Role, string Language)
{
    public Uri? PageLink { get; init; }

    /// <summary>Words that must open the SMS (a silent alert's or a duress signal's warning), inside its budget.</summary>
    public string Lead { get; init; } = "";
}

/// <summary>An SMS, ready to send.</summary>
public sealed record SmsText(string Body);

/// <summary>A file sent with an email (a statement draft as .docx or .md).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>An email, ready to send.</summary>
public sealed record EmailText(string Subject, string Text, string Html, IReadOnlyList<EmailAttachment> Attachments);

/// <summary>Writes what recipients of an alert receive. The seam where statement drafting plugs in.</summary>
public interface IAlertComposer
{
    SmsText ComposeSms(Alert alert, Recipient recipient);

    EmailText ComposeEmail(Alert alert, Recipient recipient);
}
