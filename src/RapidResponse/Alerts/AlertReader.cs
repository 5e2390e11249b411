using RapidResponse.Audit;
using RapidResponse.Http;
using RapidResponse.Responses;
using RapidResponse.Security;

namespace RapidResponse.Alerts;

/// <summary>Shows an alert to the organizer who raised it, to the admin, or to a coordinator of its region (audited).</summary>
public sealed class AlertReader(AlertStore alerts, ResponseStore responses, AuditLog audit)
{
    public async Task<Result<AlertView>> ReadAsync(Caller caller, string alertId, CancellationToken cancellationToken)
    {
        var record = await alerts.ReadAsync(alertId, cancellationToken);

        // Another organizer's alert answers exactly like a missing one: ids reveal nothing.
        if (record is null || !caller.MayRead(record.Alert.OrganizerId, record.Alert.Region))
        {
            return Problem.NotFound($"No alert '{alertId}' for this caller.");
        }

        if (caller.Coordinator is { } coordinator)
        {
            await audit.AppendAsync(coordinator, "alert.read", "alert:" + alertId, record.Alert.Region, [], cancellationToken);
        }

        var acknowledgements = await responses.ListAcknowledgementsAsync(alertId, cancellationToken);
        if (record.Alert.ClosedAt is { } closedAt && !caller.IsAdmin)
        {
            // Whoever made the organizer call it off may be reading this screen: a duress resolve shows what a good
            // resolve shows, and both show the alert as it stood when it closed (OrganizerCut).
            record = record with
            {
                Alert = record.Alert with { Status = AlertStatus.Resolved },
                Deliveries = record.Deliveries.Where(d => d.CreatedAt < closedAt).ToList(),
                Timeline = record.Timeline.Where(t => OrganizerCut.Shows(closedAt, t.At, t.Kind)).ToList(),
            };
            acknowledgements = acknowledgements.Where(a => a.At < closedAt).ToList();
        }

        return AlertView.From(record) with
        {
            Acknowledgements = acknowledgements.OrderBy(a => a.At).Select(a => new ResponderView(a.FirstName, Contacts.ContactRoles.ToWire(a.Role), a.At)).ToList(),
            Duress = caller.IsAdmin && record.Alert.DuressAt is not null ? true : null,
        };
    }
}
