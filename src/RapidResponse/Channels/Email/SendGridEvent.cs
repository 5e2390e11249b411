using System.Text.Json;
using RapidResponse.Dispatch;

namespace RapidResponse.Channels.Email;

/// <summary>
/// The part of one SendGrid event webhook event RapidResponse uses. Custom args come back as top-level members,
/// so <see cref="Reference"/> is the <c>rr_ref</c> the sender attached (<c>alertId/deliveryId</c>).
/// </summary>
public sealed record SendGridEvent(string? Event, string? Reference, string? MessageId, string? SmtpStatus, string? BounceType)
{
    /// <summary>The events of a webhook body (a JSON array of objects), or null when the body is not one.</summary>
    public static IReadOnlyList<SendGridEvent>? ParseAll(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return document.RootElement.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.Object)
                .Select(item => new SendGridEvent(
                    Text(item, "event"),
                    Text(item, SendGridEmailSender.ReferenceArg),
                    Text(item, "sg_message_id"),
                    Text(item, "status"),
                    Text(item, "type")))
                .ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// delivered is an outcome; a bounce means the address does not take mail (undeliverable), a drop that SendGrid
    /// would not send it (failed). Opens, clicks, deferrals and the rest say nothing final: null.
    /// </summary>
    public ProviderReport? ToReport()
    {
        if (!ProviderReport.TrySplitReference(Reference, out var alertId, out var deliveryId) || StateFor(Event) is not { } state)
        {
            return null;
        }

        // Only the event, bounce type and SMTP status: SendGrid's free-text reason can quote the address.
        var error = state == DeliveryState.Delivered
            ? null
            : string.Join(' ', new[] { "sendgrid", Event, BounceType, SmtpStatus }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return new ProviderReport(alertId, deliveryId, state, SenderMessageId(MessageId), error);
    }

    public static DeliveryState? StateFor(string? eventName) => eventName?.ToLowerInvariant() switch
    {
        "delivered" => DeliveryState.Delivered,
        "bounce" => DeliveryState.Undeliverable,
        "dropped" => DeliveryState.Failed,
        _ => null,
    };

    // sg_message_id is the X-Message-Id the send returned, followed by '.' and SendGrid's routing suffix.
    private static string? SenderMessageId(string? messageId)
    {
        var dot = messageId?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 ? messageId![..dot] : messageId;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
