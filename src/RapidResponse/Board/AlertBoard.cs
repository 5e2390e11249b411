using RapidResponse.Alerts;
using RapidResponse.Audit;
using RapidResponse.Contacts;
using RapidResponse.Escalation;
using RapidResponse.Http;
using RapidResponse.Responses;
using RapidResponse.Security;
using RapidResponse.Statements;

namespace RapidResponse.Board;

/// <summary>
/// The coordinators' live board: the open alerts (from the <see cref="OpenAlerts"/> index, one partition) in a scope
/// of regions, newest first, each read from its own partition; and one alert opened with its checked record.
/// </summary>
public sealed class AlertBoard(
    OpenAlerts open,
    AlertReader reader,
    RecordExporter records,
    EscalationPolicyStore policies,
    ResponseStore responses,
    StatementService statements,
    AuditLog audit)
{
    public const string OpenState = "open";

    /// <summary>
    /// The open alerts (<paramref name="state"/> may only be <c>open</c>) in the caller's scope (an alert in one of its
    /// regions or below it is shown), place names in <paramref name="language"/>.
    /// </summary>
    public async Task<Result<IReadOnlyList<BoardAlert>>> ListAsync(
        string? state, CoordinatorCaller caller, string? language, CancellationToken cancellationToken)
    {
        if ((state ?? OpenState) != OpenState)
        {
            return Problem.Invalid("state", "only 'open' alerts are on the board");
        }

        var rows = (await open.ListAsync(cancellationToken)).Where(row => caller.Can(ManageAction.ReadAlerts, row.Region)).ToList();
        var lines = await Task.WhenAll(rows.Select(row => LineAsync(row, Languages.OrDefault(language), cancellationToken)));
        return Result<IReadOnlyList<BoardAlert>>.Ok(lines.OfType<BoardAlert>().ToList());
    }

    /// <summary>
    /// One alert, as the admin sees it (the board must show a duress resolve for what it is), with its record and the
    /// check of its chain; the read is in the audit log, as every coordinator's read of an alert.
    /// </summary>
    public async Task<Result<BoardAlertDetail>> OpenAsync(
        string alertId, CoordinatorCaller caller, string? language, CancellationToken cancellationToken)
    {
        var view = await reader.ReadAsync(Caller.Admin, alertId, cancellationToken);
        if (view.Value is not { } alert || !caller.Can(ManageAction.ReadAlerts, alert.Region))
        {
            // Out of scope answers like a missing alert: an id reveals nothing.
            return Problem.NotFound($"No alert '{alertId}' for this caller.");
        }

        await audit.AppendAsync(caller, "alert.read", "alert:" + alertId, alert.Region, [], cancellationToken);

        var record = (await records.ExportAsync(Caller.Admin, alertId, cancellationToken)).Value!;
        var check = RecordVerifier.Verify(record.Entries, record.HeadSeq, record.HeadHash);
        return new BoardAlertDetail(statements.PlaceName(alert.Region, Languages.OrDefault(language)), alert, record, check);
    }

    private async Task<BoardAlert?> LineAsync(OpenAlert row, string language, CancellationToken cancellationToken)
    {
        var view = await reader.ReadAsync(Caller.Admin, row.AlertId, cancellationToken);
        if (view.Value is not { Status: "open" } alert)
        {
            // Resolved (the resolve's removal was lost) or purged: the index heals itself here.
            await open.ClosedAsync(row.AlertId, cancellationToken);
            return null;
        }

        var counts = alert.Deliveries
            .GroupBy(d => d.State, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new BoardAlert(
            alert.AlertId,
            alert.Region,
            statements.PlaceName(alert.Region, language),
            alert.Incident,
            alert.CreatedAt,
            alert.Silent,
            alert.Acknowledgements,
            counts,
            await EscalationDueAsync(alert, cancellationToken))
        {
            Duress = alert.Duress,
        };
    }

    /// <summary>When the policy's first step not yet done is due; null when every step has run.</summary>
    private async Task<DateTimeOffset?> EscalationDueAsync(AlertView alert, CancellationToken cancellationToken)
    {
        var policy = await policies.ForAlertAsync(alert.Region, cancellationToken);
        for (var number = 1; policy.Step(number) is { } step; number++)
        {
            if (!await responses.IsStepDoneAsync(alert.AlertId, number, cancellationToken))
            {
                return alert.CreatedAt + step.After;
            }
        }

        return null;
    }
}
