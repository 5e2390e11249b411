using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Audit;

/// <summary>Owners read the audit log within their scope; checking its chains needs the whole network in scope.</summary>
public sealed class AuditReader(AuditLog log, TimeProvider time)
{
    public const int MaxVerifyDays = 31;

    public async Task<Result<AuditPage>> ListAsync(
        CoordinatorCaller caller, AuditQuery query, CancellationToken cancellationToken) =>
        await log.QueryAsync(query, entry => entry.VisibleTo(caller), cancellationToken);

    public async Task<Result<AuditVerification>> VerifyAsync(
        CoordinatorCaller caller, string? from, string? to, CancellationToken cancellationToken)
    {
        if (!caller.Can(ManageAction.ReadAudit, region: null))
        {
            return Problem.Forbidden("Checking the audit log's chains needs the whole network (INTL) in scope.");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var errors = new FieldErrors();
        var end = Day(errors, "to", to) ?? today;
        var start = Day(errors, "from", from) ?? end;
        if (!errors.Any && (start > end || end.DayNumber - start.DayNumber >= MaxVerifyDays))
        {
            errors.Add("from", $"must be at most {MaxVerifyDays - 1} days before 'to', and not after it");
        }

        return errors.Any ? errors.ToProblem() : await log.VerifyAsync(start, end, cancellationToken);
    }

    private static DateOnly? Day(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, "must be a day, e.g. 2026-12-01");
        return null;
    }
}
