using System.Net.Mail;
using RapidResponse.Http;

namespace RapidResponse.Contacts;

/// <summary>Email addresses: one address, no display name.</summary>
public static class Emails
{
    public static string? Normalize(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254)
        {
            return null;
        }

        return MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.', StringComparison.Ordinal)
            ? address.Address
            : null;
    }

    public static string? NormalizeOrReport(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var normalized = Normalize(value);
        if (normalized is null)
        {
            errors.Add(field, "must be a valid email address, e.g. press@example.org");
        }

        return normalized;
    }
}
