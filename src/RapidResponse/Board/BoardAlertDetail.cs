using RapidResponse.Alerts;
using RapidResponse.Security;

namespace RapidResponse.Board;

/// <summary>
/// An alert as a coordinator opens it from the board: its status view (timeline, deliveries with masked addresses,
/// responders), its tamper-evident record, and the record checked here (<see cref="RecordVerifier"/>). The
/// <see cref="Fingerprint"/> is the chain's head hash: a copy saved now proves later that nothing was changed since.
/// </summary>
public sealed record BoardAlertDetail(string Place, AlertView Alert, AlertRecordExport Record, RecordCheck Check)
{
    public string Fingerprint => Record.HeadHash;
}
