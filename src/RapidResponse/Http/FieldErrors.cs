namespace RapidResponse.Http;

/// <summary>Collects what is wrong with each field of a request, to answer all of it at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
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
