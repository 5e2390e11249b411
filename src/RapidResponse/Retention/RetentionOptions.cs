using System.ComponentModel.DataAnnotations;

namespace RapidResponse.Retention;

/// <summary>How long alerts, their deliveries and idempotency records (<c>RapidResponse__RetentionDays</c>) and the audit log are kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = RapidResponseOptions.Section;

    public const int DefaultRetentionDays = 90;

    /// <summary>Days after which an alert and everything about it is deleted. At least a day: the idempotency window is 24 h.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = DefaultRetentionDays;

    public const int DefaultAuditRetentionDays = 400;

    /// <summary>
    /// Days the audit log of <c>/api/manage</c> is kept (<c>RapidResponse__AuditRetentionDays</c>); whole days go at
    /// once, so every chain left verifies. Longer than alerts by default: who read a contact list matters after the alert.
    /// </summary>
    [Range(1, 3650)]
    public int AuditRetentionDays { get; set; } = DefaultAuditRetentionDays;
}
