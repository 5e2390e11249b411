using System.ComponentModel.DataAnnotations;

namespace RapidResponse;

/// <summary>Service-wide settings (configuration section <c>RapidResponse</c>).</summary>
public sealed class RapidResponseOptions
{
    public const string Section = "RapidResponse";

    /// <summary>The admin bearer secret. Compared only through its hash.</summary>
    [Required, MinLength(24)]
    public required string AdminKey { get; set; }

    /// <summary>Base URL for status links and provider callbacks, e.g. <c>https://rapidresponse.example.org</c>.</summary>
    [Required]
    public required Uri PublicBaseUrl { get; set; }

    /// <summary>Who hears about messages that failed every attempt (E.164), optional.</summary>
    public string? OperatorPhone { get; set; }

    /// <summary>Who hears about messages that failed every attempt, by email; optional.</summary>
    [EmailAddress]
    public string? OperatorEmail { get; set; }

    /// <summary>The word that, texted by a registered organizer's phone to the service number, raises an alert.</summary>
    [Required, MinLength(2), MaxLength(20)]
    public string SmsPanicKeyword { get; set; } = "SOS";

    /// <summary>Builds an absolute URL under the public base, e.g. <c>api/alerts/123</c>.</summary>
    public Uri Link(string relativePath) =>
        new(new Uri(PublicBaseUrl.AbsoluteUri.TrimEnd('/') + "/"), relativePath.TrimStart('/'));
}
