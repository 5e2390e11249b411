using Azure;
using Azure.Data.Tables;

namespace RapidResponse.Security;

/// <summary>
/// The <c>WebhookReceipts</c> table: every provider message already acted on, so a replayed one changes nothing.
/// Twilio's signature has no timestamp, so a captured request (an old "YES", a STOP sent before a START) stays validly
/// signed for ever; what makes it a replay is its <c>MessageSid</c>, seen before. One conditional insert per webhook
/// (409 = seen), partition the message id, row the kind (<c>inbound</c>, or <c>status|&lt;status&gt;</c> for a status
/// callback, which Twilio sends once per status). Kept for the retention period (<c>Retention/RetentionPurge</c>).
/// </summary>
public sealed class WebhookReceipts(TableClient table, TimeProvider time)
{
    public const string Inbound = "inbound";

    public static string Status(string status) => "status|" + status;

    /// <summary>
    /// Records the message as being acted on: true the first time, false for a repeat. A message id that cannot be a
    /// key (Twilio's never are) is not recorded, and counts as new.
    /// </summary>
    public async Task<bool> TryRecordAsync(string? messageSid, string kind, CancellationToken cancellationToken)
    {
        if (!Storage.Keys.IsValid(messageSid) || !Storage.Keys.IsValid(kind))
        {
            return true;
        }

        try
        {
            await table.AddEntityAsync(new TableEntity(messageSid, kind) { ["At"] = time.GetUtcNow() }, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Forgets a message whose handling failed, so that the provider's retry is acted on.</summary>
    public async Task ForgetAsync(string? messageSid, string kind, CancellationToken cancellationToken)
    {
        if (Storage.Keys.IsValid(messageSid) && Storage.Keys.IsValid(kind))
        {
            await table.DeleteEntityAsync(messageSid, kind, ETag.All, cancellationToken);
        }
    }
}
