using System.Net;
using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.Security;

namespace RapidResponse.Responses;

/// <summary>A small HTML page and its status code.</summary>
public sealed record HtmlPage(int Status, string Html);

/// <summary>
/// The one-click "I am responding" link of an alert email (<c>GET /api/alerts/{id}/ack?token=…</c>). Idempotent:
/// a second click (or a mail scanner's prefetch after the recipient's click) thanks again and changes nothing.
/// </summary>
public sealed class AcknowledgementLinks(AckLinks links, AlertStore alerts, AcknowledgementService acknowledgements)
{
    public async Task<HtmlPage> AcknowledgeAsync(string alertId, string? token, CancellationToken cancellationToken)
    {
        if (links.Verify(alertId, token) is not { } deliveryId
            || await alerts.GetAsync(alertId, cancellationToken) is not { } alert
            || await alerts.GetDeliveryAsync(alertId, deliveryId, cancellationToken) is not { } delivery)
        {
            return Page(404, "This link is not valid", "The link may be incomplete. Please reply to the alert instead.");
        }

        if (alert.Status == AlertStatus.Resolved)
        {
            return Page(200, "Thank you", "This alert has already been resolved; nothing more is needed.");
        }

        await acknowledgements.AcknowledgeAsync(alert, delivery, Channel.Email, cancellationToken);
        return Page(200, "Thank you", "The organiser has been told that your organisation is responding. Other organisations of your kind will not be escalated to.");
    }

    private static HtmlPage Page(int status, string title, string text) => new(
        status,
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>"
        + $"<body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p></body></html>");
}
