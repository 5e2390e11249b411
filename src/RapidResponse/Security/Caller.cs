using RapidResponse.Organizers;

namespace RapidResponse.Security;

/// <summary>
/// Who is calling an alert's routes: the admin, one organizer, or (for reading only) a coordinator account
/// (<see cref="Coordinator"/>), which sees what the admin sees of alerts in its scope.
/// </summary>
public sealed record Caller(Organizer? Organizer, CoordinatorCaller? Coordinator = null)
{
    public static readonly Caller Admin = new((Organizer?)null);

    public static Caller For(Organizer organizer) => new(organizer);

    public static Caller For(CoordinatorCaller coordinator) => coordinator.IsAdmin ? Admin : new(null, coordinator);

    /// <summary>Not an organizer: sees alerts as they are (duress included), not as the organizer's credential does.</summary>
    public bool IsAdmin => Organizer is null;

    /// <summary>A coordinator account (not the admin key): its reads of an alert go to the audit log.</summary>
    public bool IsCoordinator => Coordinator is not null;

    /// <summary>The admin reads every alert; an organizer only its own; a coordinator those of its regions.</summary>
    public bool MayRead(string alertOrganizerId, string alertRegion) =>
        Coordinator is { } coordinator ? coordinator.Can(ManageAction.ReadAlerts, alertRegion)
        : IsAdmin || Organizer!.Id == alertOrganizerId;
}
