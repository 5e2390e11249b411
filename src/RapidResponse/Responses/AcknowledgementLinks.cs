using System.Net;
using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.Security;

namespace RapidResponse.Responses;

/// <summary>A small HTML page and its status code.</summary>
public sealed record HtmlPage(int Status, string Html);

/// <summary>
/// The "I am responding" link of an alert email (<c>/api/alerts/{id}/ack?token=…</c>). Opening it (GET) only shows a
/// confirmation button: mail scanners fetch links before the recipient reads the email, and an acknowledgement stops
/// escalation to that role. The button POSTs to the same URL, which acknowledges. Idempotent: a second POST thanks
/// again and changes nothing.
/// </summary>
public sealed class AcknowledgementLinks(AckLinks links, AlertStore alerts, AcknowledgementService acknowledgements)
{
    /// <summary>What opening the link shows: a button that acknowledges, or why there is none.</summary>
    public async Task<HtmlPage> ConfirmAsync(string alertId, string? token, CancellationToken cancellationToken)
    {
        if (links.Verify(alertId, token) is not { } deliveryId
            || await alerts.GetAsync(alertId, cancellationToken) is not { } alert
            || await alerts.GetDeliveryAsync(alertId, deliveryId, cancellationToken) is null)
        {
            return Page(404, "This link is not valid", "The link may be incomplete. Please reply to the alert instead.");
        }

        if (alert.Status == AlertStatus.Resolved)
        {
            return Page(200, "Thank you", "This alert has already been resolved; nothing more is needed.");
        }

        return Page(
            200,
            "Are you responding?",
            "Press the button to tell the organiser that your organisation is responding.",
            $"<form method=\"post\" action=\"ack?token={WebUtility.UrlEncode(token)}\"><button type=\"submit\">Yes, we are responding</button></form>");
    }

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

    private static HtmlPage Page(int status, string title, string text, string form = "") => new(
        status,
        $"<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\"><title>{WebUtility.HtmlEncode(title)}</title></head>"
        + $"<body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p>{form}</body></html>");
}
