using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.Security;

namespace RapidResponse.Responses;

/// <summary>
/// The acknowledgement link of emails sent before recipients had pages (<c>/api/alerts/{id}/ack?token=…</c>). It no
/// longer acknowledges anything itself: a valid one leads to its recipient's page, where acknowledging is one
/// deliberate tap (mail scanners fetch links, and a POST from an old form lands on the page too).
/// </summary>
public sealed class AcknowledgementLinks(AckLinks links, AlertStore alerts, IPageLinks pages)
{
    /// <summary>The recipient's page for a valid old link; null for anything else.</summary>
    public async Task<Uri?> PageForAsync(string alertId, string? token, CancellationToken cancellationToken) =>
        links.Verify(alertId, token) is { } deliveryId
        && await alerts.GetAsync(alertId, cancellationToken) is { } alert
        && await alerts.GetDeliveryAsync(alertId, deliveryId, cancellationToken) is { } delivery
            ? await pages.IssueAsync(alert, delivery, cancellationToken)
            : null;
}
