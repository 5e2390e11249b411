using System.ComponentModel.DataAnnotations;

namespace RapidResponse.Retention;

/// <summary>How long alerts, their deliveries and idempotency records are kept (<c>RapidResponse__RetentionDays</c>).</summary>
public sealed class RetentionOptions
{
    public const string Section = RapidResponseOptions.Section;

    public const int DefaultRetentionDays = 90;

    /// <summary>Days after which an alert and everything about it is deleted. At least a day: the idempotency window is 24 h.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = DefaultRetentionDays;
}
