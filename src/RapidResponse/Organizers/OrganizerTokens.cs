using RapidResponse.Audit;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Organizers;

/// <summary>
/// Rotates and revokes organizer tokens. Both take effect on the next request: every request reads the
/// organizer's row (a point read), so there is no cache that could keep an old token alive. A coordinator touches
/// only organizers whose every region is in its scope; any other answers <c>404</c>, as one that does not exist.
/// </summary>
public sealed class OrganizerTokens(OrganizerStore store, AuditLog audit)
{
    /// <summary>Issues a new token (shown this once) and re-enables a revoked organizer; the old token fails at once.</summary>
    public async Task<Result<NewOrganizerResponse>> RotateAsync(CoordinatorCaller caller, string organizerId, CancellationToken cancellationToken)
    {
        if (await FindAsync(caller, organizerId, cancellationToken) is not { } organizer)
        {
            return NotFound(organizerId);
        }

        var token = OrganizerToken.Issue(organizerId);
        await store.SetTokenAsync(organizerId, SecretHasher.Hash(token.Secret), revoked: false, cancellationToken);
        await AuditAsync(caller, "organizer.rotate", organizer, ["token"], cancellationToken);
        return new NewOrganizerResponse(organizerId, token.ToString());
    }

    /// <summary>Revokes the token: the organizer can do nothing until an admin rotates it. Null when done.</summary>
    public async Task<Problem?> RevokeAsync(CoordinatorCaller caller, string organizerId, CancellationToken cancellationToken)
    {
        if (await FindAsync(caller, organizerId, cancellationToken) is not { } organizer)
        {
            return NotFound(organizerId);
        }

        // The hash is replaced by one of a secret nobody holds, so even a bug that ignored the flag would not let the old token in.
        await store.SetTokenAsync(organizerId, SecretHasher.Hash(SecretHasher.NewSecret()), revoked: true, cancellationToken);
        await AuditAsync(caller, "organizer.revoke", organizer, ["token", "revoked"], cancellationToken);
        return null;
    }

    private async Task<Organizer?> FindAsync(CoordinatorCaller caller, string organizerId, CancellationToken cancellationToken) =>
        await store.GetAsync(organizerId, cancellationToken) is { } organizer && caller.Can(ManageAction.EditOrganizers, organizer.Regions) ? organizer : null;

    private Task AuditAsync(CoordinatorCaller caller, string action, Organizer organizer, IReadOnlyList<string> fields, CancellationToken cancellationToken) =>
        audit.AppendAsync(caller, action, "organizer:" + organizer.Id, AuditEntry.Regions(organizer.Regions), fields, cancellationToken);

    private static Problem NotFound(string organizerId) => Problem.NotFound($"No organizer '{organizerId}'.");
}
