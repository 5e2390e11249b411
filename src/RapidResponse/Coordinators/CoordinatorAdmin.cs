using RapidResponse.Audit;
using RapidResponse.Contacts;
using RapidResponse.Http;
using RapidResponse.Security;
using RapidResponse.Storage;

namespace RapidResponse.Coordinators;

/// <summary>
/// Owners (and the admin key) manage coordinator accounts: create, list, read, change role or regions, rotate and
/// revoke the token. An owner sees and touches only accounts whose every region is in its own scope, and grants no
/// region outside it; an account outside answers <c>404</c>, as one that does not exist.
/// </summary>
public sealed class CoordinatorAdmin(CoordinatorStore store, AuditLog audit, TimeProvider time)
{
    private const ManageAction Manage = ManageAction.ManageCoordinators;

    public async Task<Result<NewCoordinatorResponse>> CreateAsync(CoordinatorCaller caller, NewCoordinatorRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = errors.RequiredText("name", request.Name, maxLength: 100);
        var role = Role(errors, request.Role, required: true);
        var regions = Regions(errors, request.Regions, required: true);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!caller.Can(Manage, regions!))
        {
            return OutOfScope();
        }

        var id = CoordinatorToken.IdPrefix + Ids.NewId(time);
        var token = OrganizerToken.Issue(id);
        var coordinator = new Coordinator(id, name!, role!.Value, regions!, SecretHasher.Hash(token.Secret), time.GetUtcNow());
        await store.AddAsync(coordinator, cancellationToken);
        await AuditAsync(caller, "coordinator.create", coordinator, ["name", "role", "regions", "token"], cancellationToken);
        return new NewCoordinatorResponse(id, token.ToString(), CoordinatorView.From(coordinator));
    }

    public async Task<IReadOnlyList<CoordinatorView>> ListAsync(CoordinatorCaller caller, CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken)).Where(c => caller.Can(Manage, c.Regions)).Select(CoordinatorView.From).ToList();

    public async Task<Result<CoordinatorView>> GetAsync(CoordinatorCaller caller, string coordinatorId, CancellationToken cancellationToken) =>
        await FindAsync(caller, coordinatorId, cancellationToken) is { } found ? CoordinatorView.From(found) : NotFound(coordinatorId);

    public async Task<Result<CoordinatorView>> ChangeAsync(
        CoordinatorCaller caller, string coordinatorId, CoordinatorChange change, CancellationToken cancellationToken)
    {
        if (await FindAsync(caller, coordinatorId, cancellationToken) is not { } found)
        {
            return NotFound(coordinatorId);
        }

        var errors = new FieldErrors();
        var role = Role(errors, change.Role, required: false) ?? found.Role;
        var regions = Regions(errors, change.Regions, required: false) ?? found.Regions;
        if (change.Role is null && change.Regions is null)
        {
            errors.Add("role", "give a role, regions, or both");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!caller.Can(Manage, regions))
        {
            return OutOfScope();
        }

        await store.SetAccessAsync(coordinatorId, role, regions, cancellationToken);
        var changed = (found with { Role = role, Regions = regions });
        var fields = new[] { role != found.Role ? "role" : null, !regions.SequenceEqual(found.Regions) ? "regions" : null }.OfType<string>().ToList();
        await AuditAsync(caller, "coordinator.change", changed, fields, cancellationToken);
        return CoordinatorView.From(changed);
    }

    /// <summary>A new token, shown this once; the old one fails at once. Re-enables a revoked account.</summary>
    public async Task<Result<NewCoordinatorResponse>> RotateAsync(CoordinatorCaller caller, string coordinatorId, CancellationToken cancellationToken)
    {
        if (await FindAsync(caller, coordinatorId, cancellationToken) is not { } found)
        {
            return NotFound(coordinatorId);
        }

        var token = OrganizerToken.Issue(coordinatorId);
        await store.SetTokenAsync(coordinatorId, SecretHasher.Hash(token.Secret), revoked: false, cancellationToken);
        await AuditAsync(caller, "coordinator.rotate", found, ["token"], cancellationToken);
        return new NewCoordinatorResponse(coordinatorId, token.ToString(), CoordinatorView.From(found with { Revoked = false }));
    }

    /// <summary>Revokes the token at once, until rotated. Null when done.</summary>
    public async Task<Problem?> RevokeAsync(CoordinatorCaller caller, string coordinatorId, CancellationToken cancellationToken)
    {
        if (await FindAsync(caller, coordinatorId, cancellationToken) is not { } found)
        {
            return NotFound(coordinatorId);
        }

        // As for organizers: the hash becomes one of a secret nobody holds, so even a bug ignoring the flag lets nobody in.
        await store.SetTokenAsync(coordinatorId, SecretHasher.Hash(SecretHasher.NewSecret()), revoked: true, cancellationToken);
        await AuditAsync(caller, "coordinator.revoke", found, ["token", "revoked"], cancellationToken);
        return null;
    }

    /// <summary>The account's name for <c>GET /api/manage/me</c>; null for the admin key.</summary>
    public async Task<string?> NameOfAsync(CoordinatorCaller caller, CancellationToken cancellationToken) =>
        caller.IsAdmin ? null : (await store.GetAsync(caller.Actor, cancellationToken))?.Name;

    private async Task<Coordinator?> FindAsync(CoordinatorCaller caller, string coordinatorId, CancellationToken cancellationToken) =>
        await store.GetAsync(coordinatorId, cancellationToken) is { } found && caller.Can(Manage, found.Regions) ? found : null;

    private Task AuditAsync(CoordinatorCaller caller, string action, Coordinator coordinator, IReadOnlyList<string> fields, CancellationToken cancellationToken) =>
        audit.AppendAsync(caller, action, "coordinator:" + coordinator.Id, AuditEntry.Regions(coordinator.Regions), fields, cancellationToken);

    private static CoordinatorRole? Role(FieldErrors errors, string? value, bool required)
    {
        if (value is null && !required)
        {
            return null;
        }

        if (CoordinatorRoles.TryParse(value, out var role))
        {
            return role;
        }

        errors.Add("role", CoordinatorRoles.Rule);
        return null;
    }

    private static string[]? Regions(FieldErrors errors, IReadOnlyList<string>? regions, bool required)
    {
        if (regions is null && !required)
        {
            return null;
        }

        if (regions is not { Count: > 0 })
        {
            errors.Add("regions", "at least one region is required, e.g. [\"KZ\"]");
            return null;
        }

        for (var i = 0; i < regions.Count; i++)
        {
            if (!RegionCode.IsValid(regions[i]))
            {
                errors.Add($"regions[{i}]", RegionCode.Rule);
            }
        }

        return errors.Any ? null : regions.Select(RegionCode.Normalize).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static Problem OutOfScope() => Problem.Forbidden("An account may be given only regions within your own scope.");

    private static Problem NotFound(string coordinatorId) => Problem.NotFound($"No coordinator '{coordinatorId}' for this caller.");
}
