namespace RapidResponse.Channels.WhatsApp;

/// <summary>
/// A WhatsApp message to a phone (E.164, without the <c>whatsapp:</c> prefix): an approved Content template with its
/// numbered variables (<see cref="ContentVariables"/>) to open a conversation, or free text (<see cref="Body"/>),
/// which WhatsApp accepts only within 24 hours of the contact's last message.
/// </summary>
public sealed record WhatsAppMessage(
    string To, string? Body, string? ContentSid, IReadOnlyDictionary<string, string>? ContentVariables, string Reference);

/// <summary>Sends WhatsApp messages through a provider.</summary>
public interface IWhatsAppSender
{
    /// <summary>The template for a language, or null when none is configured (then the alert goes by SMS).</summary>
    string? TemplateFor(string language);

    Task<SendOutcome> SendAsync(WhatsAppMessage message, CancellationToken cancellationToken);
}
