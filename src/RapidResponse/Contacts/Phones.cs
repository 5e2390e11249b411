using PhoneNumbers;
using RapidResponse.Http;

namespace RapidResponse.Contacts;

/// <summary>Phone numbers in E.164, checked with libphonenumber.</summary>
public static class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164 when it is a valid international number, else null.</summary>
    public static string? Normalize(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !trimmed.StartsWith('+') || trimmed.Length > 20)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(trimmed, null);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Normalizes an optional number, reporting a present but invalid one.</summary>
    public static string? NormalizeOrReport(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var normalized = Normalize(value);
        if (normalized is null)
        {
            errors.Add(field, "must be a valid phone number in international format, e.g. +77011234567");
        }

        return normalized;
    }
}
