using Microsoft.AspNetCore.Http;
using RapidResponse.Dispatch;

namespace RapidResponse.Channels.Sms;

/// <summary>
/// The part of a Twilio message status callback RapidResponse uses. <see cref="Reference"/> is the <c>ref</c> query
/// parameter of the callback URL the sender set (<c>alertId/deliveryId</c>).
/// </summary>
public sealed record TwilioStatusCallback(string? Reference, string? MessageSid, string? MessageStatus, string? ErrorCode)
{
    public static TwilioStatusCallback From(string? reference, IFormCollection form) => new(
        reference,
        NonEmpty(form["MessageSid"]),
        NonEmpty(form["MessageStatus"]),
        NonEmpty(form["ErrorCode"]));

    /// <summary>
    /// The state Twilio reports: delivered, undelivered (the network or handset refused it) and failed are outcomes;
    /// the in-flight statuses only say Twilio has it (<c>sent</c>). Null for statuses that say nothing about delivery,
    /// or for a callback without a usable reference.
    /// </summary>
    public ProviderReport? ToReport()
    {
        if (!ProviderReport.TrySplitReference(Reference, out var alertId, out var deliveryId) || StateFor(MessageStatus) is not { } state)
        {
            return null;
        }

        var error = state is DeliveryState.Failed or DeliveryState.Undeliverable
            ? $"twilio {MessageStatus}{(ErrorCode is null ? "" : $" (error {ErrorCode})")}"
            : null;
        return new ProviderReport(alertId, deliveryId, state, MessageSid, error);
    }

    public static DeliveryState? StateFor(string? messageStatus) => messageStatus?.ToLowerInvariant() switch
    {
        "delivered" or "read" => DeliveryState.Delivered,
        "undelivered" => DeliveryState.Undeliverable,
        "failed" => DeliveryState.Failed,
        "accepted" or "scheduled" or "queued" or "sending" or "sent" => DeliveryState.Sent,
        _ => null,
    };

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues values) =>
        string.IsNullOrWhiteSpace(values.ToString()) ? null : values.ToString().Trim();
}
