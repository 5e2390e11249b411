namespace RapidResponse.Security;

/// <summary>Everything a <c>/api/manage</c> route (or a coordinator reading an alert) does, for <see cref="CoordinatorCaller.Can(ManageAction, string?)"/>.</summary>
public enum ManageAction
{
    ReadAlerts,
    ReadContacts,
    EditContacts,
    EditOrganizers,
    ReadPolicies,
    EditPolicies,
    PreviewStatements,
    ReadParked,
    ReplayParked,
    EditTemplates,
    EditProfiles,
    ManageCoordinators,
    ReadAudit,
}

/// <summary>The least role each action needs: the whole role model in one table.</summary>
public static class ManageActions
{
    public static CoordinatorRole MinimumRole(this ManageAction action) => action switch
    {
        ManageAction.ReadAlerts or ManageAction.ReadContacts or ManageAction.ReadPolicies or ManageAction.PreviewStatements
            => CoordinatorRole.Viewer,
        ManageAction.EditContacts or ManageAction.EditOrganizers or ManageAction.EditPolicies
            or ManageAction.ReadParked or ManageAction.ReplayParked
            => CoordinatorRole.Coordinator,
        _ => CoordinatorRole.Owner,
    };

    /// <summary>The action's name on the wire (<c>GET /api/manage/me</c>'s permissions, the audit log): <c>edit-contacts</c>.</summary>
    public static string ToWire(this ManageAction action) =>
        string.Concat(action.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
