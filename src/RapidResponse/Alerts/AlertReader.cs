using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Alerts;

/// <summary>Shows an alert to the organizer who raised it, or to the admin.</summary>
public sealed class AlertReader(AlertStore alerts)
{
    public async Task<Result<AlertView>> ReadAsync(Caller caller, string alertId, CancellationToken cancellationToken)
    {
        var record = await alerts.ReadAsync(alertId, cancellationToken);

        // Another organizer's alert answers exactly like a missing one: ids reveal nothing.
        if (record is null || !caller.MayRead(record.Alert.OrganizerId))
        {
            return Problem.NotFound($"No alert '{alertId}' for this caller.");
        }

        return AlertView.From(record);
    }
}
