using System.Text;
using RapidResponse.LocalHost.Hosting.Metadata;

namespace RapidResponse.Tests.Security;

/// <summary>The callers of the manage matrix: the admin key, nobody, an organizer, and each role in and out of scope.</summary>
public enum ManageCaller
{
    Admin,
    Anonymous,
    Organizer,
    ViewerIn,
    ViewerOut,
    CoordinatorIn,
    CoordinatorOut,
    OwnerIn,
    OwnerOut,
}

/// <summary>The least role a route needs, as issue 14 gives it (written here, not read from the product's policy).</summary>
public enum Least
{
    Viewer = 1,
    Coordinator = 2,
    Owner = 3,
}

/// <summary>What "in scope" means for a route's resource.</summary>
public enum Reach
{
    /// <summary>A resource of the scenario's country (or a city of it): in scope for that country's accounts.</summary>
    Regional,

    /// <summary>A resource of every region (templates, parked messages, the audit chains): in scope only for INTL accounts.</summary>
    Global,

    /// <summary>A list filtered to the caller's scope, or the caller itself: answered to any scope.</summary>
    AnyScope,
}

/// <summary>The ids a request may name: the scenario's country and region, an alert there, a spare organizer and account there.</summary>
public sealed record ManageContext(string Country, string Region, string AlertId, string SpareOrganizerId, string SpareCoordinatorId);

/// <summary>
/// One manage route: its request, the least role it needs, its reach, what out of scope answers (403, or 404 where an
/// id would reveal existence) and what success is (2xx, or a 4xx on the merits for a deliberately invalid body).
/// </summary>
public sealed record ManageRow(Func<ManageContext, (string Path, HttpContent? Body)> Request, Least Least, Reach Reach, Expect OutOfScope = Expect.Forbidden, Expect Success = Expect.Ok)
{
    /// <summary>What <paramref name="caller"/> must get.</summary>
    public Expect For(ManageCaller caller)
    {
        if (caller is ManageCaller.Anonymous or ManageCaller.Organizer)
        {
            return Expect.Unauthorized;
        }

        if (caller is ManageCaller.Admin)
        {
            return Success;
        }

        var role = caller switch
        {
            ManageCaller.ViewerIn or ManageCaller.ViewerOut => Least.Viewer,
            ManageCaller.CoordinatorIn or ManageCaller.CoordinatorOut => Least.Coordinator,
            _ => Least.Owner,
        };
        var inScope = caller is ManageCaller.ViewerIn or ManageCaller.CoordinatorIn or ManageCaller.OwnerIn || Reach == Reach.AnyScope;
        return role < Least ? Expect.Forbidden : inScope ? Success : OutOfScope;
    }
}

/// <summary>
/// Every <c>/api/manage</c> function (keyed by its <c>[Function]</c> name). A manage route added without a row here
/// fails <see cref="ManageMatrixTests"/>, naming it.
/// </summary>
public static class ManageMatrix
{
    private const Expect Hidden = Expect.NotFound;

    public static bool IsManageRoute(FunctionMetadata function) =>
        FunctionMetadataRules.RouteOf(function).StartsWith("manage/", StringComparison.Ordinal);

    public static readonly IReadOnlyDictionary<string, ManageRow> Rows = new Dictionary<string, ManageRow>(StringComparer.Ordinal)
    {
        ["ManageMe"] = new(_ => ("api/manage/me", null), Least.Viewer, Reach.AnyScope),

        // Contacts: viewers read, coordinators edit, within their regions.
        ["ListContacts"] = new(c => ($"api/manage/contacts?region={c.Region}", null), Least.Viewer, Reach.Regional),
        ["PutContact"] = new(c => ("api/manage/contacts/manage-matrix", Json(new { name = "Matrix Lawyer", region = c.Region, role = "lawyer", tier = 3, email = "matrix@example.org" })), Least.Coordinator, Reach.Regional),
        ["ExportContacts"] = new(c => ($"api/manage/contacts/export?region={c.Region}", null), Least.Coordinator, Reach.Regional),
        ["ImportContacts"] = new(c => ("api/manage/contacts/import", new StringContent($"contactId,name,region,role,email\nmatrix2,Matrix Two,{c.Region},ngo,matrix2@example.org\n", Encoding.UTF8, "text/csv")), Least.Coordinator, Reach.Regional),

        // Organizers: an organizer of another region answers as if it did not exist.
        ["CreateOrganizer"] = new(c => ("api/manage/organizers", Json(new { name = "Matrix", regions = new[] { c.Region } })), Least.Coordinator, Reach.Regional),
        ["RotateOrganizerToken"] = new(c => ($"api/manage/organizers/{c.SpareOrganizerId}/token", Empty()), Least.Coordinator, Reach.Regional, Hidden),
        ["RevokeOrganizerToken"] = new(c => ($"api/manage/organizers/{c.SpareOrganizerId}/token", null), Least.Coordinator, Reach.Regional, Hidden),
        ["ListOrganizers"] = new(_ => ("api/manage/organizers", null), Least.Viewer, Reach.AnyScope),
        ["SetOrganizerRegions"] = new(c => ($"api/manage/organizers/{c.SpareOrganizerId}/regions", Json(new { regions = new[] { c.Region } })), Least.Coordinator, Reach.Regional, Hidden),

        // The live board: a list filtered to the caller's regions; an alert of another region answers as if it did not exist.
        ["ListBoardAlerts"] = new(_ => ("api/manage/alerts?state=open", null), Least.Viewer, Reach.AnyScope),
        ["OpenBoardAlert"] = new(c => ($"api/manage/alerts/{c.AlertId}", null), Least.Viewer, Reach.Regional, Hidden),

        // Escalation policies.
        ["GetEscalationPolicy"] = new(c => ($"api/manage/escalation-policies/{c.Region}", null), Least.Viewer, Reach.Regional),
        ["PutEscalationPolicy"] = new(c => ($"api/manage/escalation-policies/{c.Region}", Json(new { steps = new[] { new { afterSeconds = 3600, scope = "intl" } } })), Least.Coordinator, Reach.Regional),

        // Statements: a preview of another region's alert hides it; templates serve every region; profiles are a country's.
        ["PreviewStatement"] = new(c => ($"api/manage/statements/preview?alertId={c.AlertId}", null), Least.Viewer, Reach.Regional, Hidden),
        ["ListStatementSources"] = new(_ => ("api/manage/statements", null), Least.Viewer, Reach.AnyScope),
        ["GetStatementTemplate"] = new(_ => ("api/manage/statements/templates/statement.attack.en.liquid", null), Least.Viewer, Reach.AnyScope),
        ["GetLegalProfile"] = new(_ => ("api/manage/statements/profiles/KZ", null), Least.Viewer, Reach.AnyScope),
        ["ReplaceStatementTemplate"] = new(_ => ("api/manage/statements/templates/matrix-no-such-template", new StringContent("{{ broken", Encoding.UTF8, "text/plain")), Least.Owner, Reach.Global, Success: Expect.Admitted),
        ["ReplaceLegalProfile"] = new(c => ($"api/manage/statements/profiles/{c.Country}", new StringContent("not json", Encoding.UTF8, "application/json")), Least.Owner, Reach.Regional, Success: Expect.Admitted),

        // Parked messages belong to every region.
        ["ListPoisonMessages"] = new(_ => ("api/manage/poison/alerts", null), Least.Coordinator, Reach.Global),
        ["ReplayPoisonMessages"] = new(_ => ("api/manage/poison/alerts/replay", Empty()), Least.Coordinator, Reach.Global),

        // Coordinator accounts: owners, within their scope; an account of another scope answers as if it did not exist.
        ["CreateCoordinator"] = new(c => ("api/manage/coordinators", Json(new { name = "Matrix account", role = "viewer", regions = new[] { c.Region } })), Least.Owner, Reach.Regional),
        ["ListCoordinators"] = new(_ => ("api/manage/coordinators", null), Least.Owner, Reach.AnyScope),
        ["GetCoordinator"] = new(c => ($"api/manage/coordinators/{c.SpareCoordinatorId}", null), Least.Owner, Reach.Regional, Hidden),
        ["ChangeCoordinator"] = new(c => ($"api/manage/coordinators/{c.SpareCoordinatorId}", Json(new { role = "viewer" })), Least.Owner, Reach.Regional, Hidden),
        ["RotateCoordinatorToken"] = new(c => ($"api/manage/coordinators/{c.SpareCoordinatorId}/token", Empty()), Least.Owner, Reach.Regional, Hidden),
        ["RevokeCoordinatorToken"] = new(c => ($"api/manage/coordinators/{c.SpareCoordinatorId}/token", null), Least.Owner, Reach.Regional, Hidden),

        // The audit log: owners read it filtered to their scope; checking its chains needs every region.
        ["ListAudit"] = new(_ => ("api/manage/audit", null), Least.Owner, Reach.AnyScope),
        ["VerifyAudit"] = new(_ => ("api/manage/audit/verify", null), Least.Owner, Reach.Global),
    };

    private static StringContent Json<T>(T value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static StringContent Empty() => new("", Encoding.UTF8, "application/json");
}
