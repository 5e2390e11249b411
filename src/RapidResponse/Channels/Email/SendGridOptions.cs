using System.ComponentModel.DataAnnotations;
using RapidResponse.Security;

namespace RapidResponse.Channels.Email;

/// <summary>SendGrid settings (configuration section <c>SendGrid</c>).</summary>
public sealed class SendGridOptions
{
    public const string Section = "SendGrid";

    [Required, ResolvedSecret]
    public required string ApiKey { get; set; }

    [Required, EmailAddress]
    public required string FromEmail { get; set; }

    public string FromName { get; set; } = "RapidResponse";

    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.sendgrid.com");

    /// <summary>
    /// Cap on send requests per second across the deployment (one request carries up to 250 recipients); unset, none.
    /// </summary>
    [Range(1, 10_000)]
    public int? RequestsPerSecond { get; set; }

    /// <summary>ECDSA public key (base64) that signs SendGrid's event webhook.</summary>
    [ResolvedSecret]
    public string? WebhookPublicKey { get; set; }
}
