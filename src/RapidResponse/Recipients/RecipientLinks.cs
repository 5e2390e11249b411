using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RapidResponse.Alerts;
using RapidResponse.Dispatch;
using RapidResponse.Retention;

namespace RapidResponse.Recipients;

/// <summary>The alert delivery a page link was made for.</summary>
public sealed record RecipientTarget(Alert Alert, Delivery Delivery);

/// <summary>
/// Issues and resolves the per-delivery page links of recipients' messages. A link names the recipient's alert
/// delivery (a reminder or follow-up links to the alert it is about), and stops working with the alert's retention:
/// its row expires then, and once the alert's partition is purged nothing is left to show.
/// </summary>
public sealed class RecipientLinks(
    TableClient table,
    RecipientCodes codes,
    AlertStore alerts,
    IOptions<RapidResponseOptions> options,
    IOptions<RetentionOptions> retention,
    TimeProvider time) : IPageLinks
{
    /// <summary>The page link of this delivery's recipient, written to the lookup table (idempotent) before it is sent.</summary>
    public async Task<Uri> IssueAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken)
    {
        var deliveryId = DeliveryKinds.AlertDeliveryId(delivery);
        var code = codes.For(alert.Id, deliveryId);
        await table.UpsertEntityAsync(
            new RecipientLinkEntity
            {
                PartitionKey = RecipientCodes.Hash(code),
                AlertId = alert.Id,
                DeliveryId = deliveryId,
                ExpiresAt = alert.CreatedAt.AddDays(retention.Value.RetentionDays),
            },
            TableUpdateMode.Replace,
            cancellationToken);
        return options.Value.Link($"api/r/{code}");
    }

    /// <summary>The alert and delivery behind a code; null for a forged, unknown or expired one, all alike.</summary>
    public async Task<RecipientTarget?> ResolveAsync(string? code, CancellationToken cancellationToken)
    {
        if (!RecipientCodes.IsWellFormed(code))
        {
            return null;
        }

        var row = await table.GetEntityIfExistsAsync<RecipientLinkEntity>(RecipientCodes.Hash(code!), RecipientLinkEntity.Row, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value!.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        var link = row.Value;
        var alert = await alerts.GetAsync(link.AlertId, cancellationToken);
        var delivery = alert is null ? null : await alerts.GetDeliveryAsync(link.AlertId, link.DeliveryId, cancellationToken);
        return alert is not null && delivery is not null ? new RecipientTarget(alert, delivery) : null;
    }
}
