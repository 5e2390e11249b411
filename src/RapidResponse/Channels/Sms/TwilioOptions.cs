using System.ComponentModel.DataAnnotations;
using RapidResponse.Security;

namespace RapidResponse.Channels.Sms;

/// <summary>Twilio settings (configuration section <c>Twilio</c>).</summary>
public sealed class TwilioOptions : IValidatableObject
{
    public const string Section = "Twilio";

    [Required]
    public required string AccountSid { get; set; }

    [Required, ResolvedSecret]
    public required string AuthToken { get; set; }

    /// <summary>The sending number (E.164); or use <see cref="MessagingServiceSid"/>.</summary>
    public string? FromNumber { get; set; }

    public string? MessagingServiceSid { get; set; }

    /// <summary>The WhatsApp sender (E.164, approved by WhatsApp through Twilio); without it nobody is sent WhatsApp.</summary>
    public string? WhatsAppFrom { get; set; }

    /// <summary>
    /// The approved Content template (<c>HX…</c>) of the first alert per language (<c>en</c>, <c>ru</c>, <c>kk</c>):
    /// WhatsApp lets a business open a conversation only with a template.
    /// </summary>
    public Dictionary<string, string> WhatsAppContentSids { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The number escalation calls come from (voice-capable, E.164); default <see cref="FromNumber"/>.</summary>
    public string? VoiceFromNumber { get; set; }

    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>
    /// Sends per second for the sender across the whole deployment (every instance draws from one bucket, the
    /// <c>SendBudget</c> table), so the service never causes its own 429s: the sender's MPS, or its Messaging
    /// Service pool's.
    /// </summary>
    [Range(1, 10_000)]
    public int MessagesPerSecond { get; set; } = 10;

    /// <summary>
    /// Calls placed per second across the whole deployment: the account's CPS (Twilio's default is 1, set per
    /// account in its console). Twilio queues calls beyond it itself; paced here, an escalation's calls are placed
    /// at the rate Twilio places them, each under its own claim, instead of piling up in Twilio's queue at once.
    /// </summary>
    [Range(1, 1_000)]
    public int CallsPerSecond { get; set; } = 1;

    /// <summary>
    /// WhatsApp sends per second across the whole deployment, from a bucket of their own: Twilio counts a WhatsApp
    /// sender's throughput apart from SMS, 10 MPS for text by default, raised up to 50 on request
    /// (https://www.twilio.com/docs/whatsapp/best-practices-and-faqs; [to confirm] for the account: Meta's Cloud API
    /// states 80 a second per business number).
    /// </summary>
    [Range(1, 1_000)]
    public int WhatsAppMessagesPerSecond { get; set; } = 10;

    /// <summary>
    /// Seconds Twilio may hold an SMS in its queue before failing it. A panic SMS that arrives hours late misleads;
    /// failing visibly lets the fallback channel take over.
    /// </summary>
    [Range(1, 36_000)]
    public int ValidityPeriodSeconds { get; set; } = 1800;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(FromNumber) && string.IsNullOrWhiteSpace(MessagingServiceSid))
        {
            yield return new ValidationResult(
                "Set Twilio__FromNumber or Twilio__MessagingServiceSid.", [nameof(FromNumber), nameof(MessagingServiceSid)]);
        }
    }
}
