namespace RapidResponse.Http;

/// <summary>Collects what is wrong with each field of a request, to answer all of it at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);
    private readonly HashSet<string> misfits = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    /// <summary>
    /// The errors to check <paramref name="request"/>'s rules into: those JsonBody found reading it (a field of the
    /// wrong type, an unknown member), so one answer names them all; a new, empty set for a body read cleanly.
    /// </summary>
    public static FieldErrors For(object request)
    {
        var errors = new FieldErrors();
        if (JsonShape.Found(request) is { } found)
        {
            foreach (var (field, messages) in found.errors)
            {
                errors.errors[field] = [.. messages];
                errors.misfits.Add(field);
            }
        }

        return errors;
    }

    public void Add(string field, string message)
    {
        if (misfits.Contains(field))
        {
            return; // its value was of the wrong type and never read: a rule about that value would mislead
        }

        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Trims the value; reports it when missing or longer than <paramref name="maxLength"/>.</summary>
    public string? RequiredText(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Add(field, "is required");
            return null;
        }

        return MaxLength(field, trimmed, maxLength);
    }

    /// <summary>Trims the value (empty becomes null); reports it when longer than <paramref name="maxLength"/>.</summary>
    public string? OptionalText(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : MaxLength(field, trimmed, maxLength);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public Problem ToProblem() => Problem.Invalid(ToDictionary());

    private string? MaxLength(string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters (got {value.Length})");
        }

        return value;
    }
}
