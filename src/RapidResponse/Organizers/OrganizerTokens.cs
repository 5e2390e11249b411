using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Organizers;

/// <summary>
/// Rotates and revokes organizer tokens. Both take effect on the next request: every request reads the
/// organizer's row (a point read), so there is no cache that could keep an old token alive.
/// </summary>
public sealed class OrganizerTokens(OrganizerStore store)
{
    /// <summary>Issues a new token (shown this once) and re-enables a revoked organizer; the old token fails at once.</summary>
    public async Task<Result<NewOrganizerResponse>> RotateAsync(string organizerId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(organizerId, cancellationToken) is null)
        {
            return NotFound(organizerId);
        }

        var token = OrganizerToken.Issue(organizerId);
        await store.SetTokenAsync(organizerId, SecretHasher.Hash(token.Secret), revoked: false, cancellationToken);
        return new NewOrganizerResponse(organizerId, token.ToString());
    }

    /// <summary>Revokes the token: the organizer can do nothing until an admin rotates it. Null when done.</summary>
    public async Task<Problem?> RevokeAsync(string organizerId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(organizerId, cancellationToken) is null)
        {
            return NotFound(organizerId);
        }

        // The hash is replaced by one of a secret nobody holds, so even a bug that ignored the flag would not let the old token in.
        await store.SetTokenAsync(organizerId, SecretHasher.Hash(SecretHasher.NewSecret()), revoked: true, cancellationToken);
        return null;
    }

    private static Problem NotFound(string organizerId) => Problem.NotFound($"No organizer '{organizerId}'.");
}
