using RapidResponse.Audit;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Alerts;

/// <summary>The body of <c>GET /api/alerts/{alertId}/record</c>: the timeline with its hash chain, checkable by anyone.</summary>
public sealed record AlertRecordExport(
    string AlertId,
    string Region,
    string Incident,
    DateTimeOffset CreatedAt,
    string Algorithm,
    long HeadSeq,
    string HeadHash,
    IReadOnlyList<RecordEntry> Entries);

/// <summary>Exports an alert's tamper-evident record to its organizer or the admin; other callers get 404.</summary>
public sealed class RecordExporter(AlertStore alerts, AuditLog audit)
{
    public async Task<Result<AlertRecordExport>> ExportAsync(Caller caller, string alertId, CancellationToken cancellationToken)
    {
        var chain = await alerts.ReadChainAsync(alertId, cancellationToken);
        if (chain is null || !caller.MayRead(chain.Alert.OrganizerId, chain.Alert.Region))
        {
            return Problem.NotFound($"No alert '{alertId}' for this caller.");
        }

        if (caller.Coordinator is { } coordinator)
        {
            await audit.AppendAsync(coordinator, "alert.record", "alert:" + alertId, chain.Alert.Region, [], cancellationToken);
        }

        var entries = chain.Entries;
        var (headSeq, headHash) = (chain.HeadSeq, chain.HeadHash);
        if (chain.Alert.ClosedAt is { } closedAt && !caller.IsAdmin)
        {
            // As on the status screen, the organizer's record stops at the resolution, whichever code closed it (a
            // prefix of the chain, so it still verifies), and reveals nothing after.
            entries = OrganizerCut.Prefix(entries, closedAt);
            (headSeq, headHash) = entries.Count == 0 ? (0, RecordChain.Genesis) : (entries[^1].Seq, entries[^1].Hash);
        }

        return new AlertRecordExport(
            chain.Alert.Id, chain.Alert.Region, chain.Alert.Incident.ToWire(), chain.Alert.CreatedAt, RecordChain.Algorithm, headSeq, headHash, entries);
    }
}
