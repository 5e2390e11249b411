using System.Globalization;
using RapidResponse.Http;

namespace RapidResponse.Audit;

/// <summary>The filters of <c>GET /api/manage/audit</c>: a time range (at most <see cref="MaxDays"/> days), actor, entity, action, paging.</summary>
public sealed record AuditQuery(
    DateTimeOffset From, DateTimeOffset To, string? Actor, string? Entity, string? Action, string? Continuation, int PageSize)
{
    public const int MaxDays = 366;
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>Reads the query's strings; <c>to</c> defaults to now, <c>from</c> to a day before <c>to</c>.</summary>
    public static Result<AuditQuery> Parse(
        string? from, string? to, string? actor, string? entity, string? action, string? continuation, string? limit, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var end = Time(errors, "to", to) ?? now;
        var start = Time(errors, "from", from) ?? end.AddDays(-1);
        if (!errors.Any && (start >= end || end - start > TimeSpan.FromDays(MaxDays)))
        {
            errors.Add("from", $"must be before 'to', at most {MaxDays} days before it");
        }

        var size = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors.Add("limit", $"must be a whole number from 1 to {MaxPageSize}");
        }

        return errors.Any
            ? errors.ToProblem()
            : new AuditQuery(start, end, Blank(actor), Blank(entity), Blank(action), Blank(continuation), size);
    }

    private static DateTimeOffset? Time(FieldErrors errors, string field, string? value)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        errors.Add(field, "must be an ISO 8601 time, e.g. 2026-12-01T00:00:00Z");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
