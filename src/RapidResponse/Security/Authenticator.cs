using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RapidResponse.Organizers;

namespace RapidResponse.Security;

/// <summary>Reads the bearer token of a request and says whose it is: an organizer's, the admin's, or nobody's.</summary>
public sealed class Authenticator(OrganizerStore organizers, IOptions<RapidResponseOptions> options)
{
    private readonly string adminKeyHash = SecretHasher.Hash(options.Value.AdminKey);

    public async Task<Organizer?> AuthenticateOrganizerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!OrganizerToken.TryParse(BearerToken(request), out var token))
        {
            return null;
        }

        var organizer = await organizers.GetAsync(token.OrganizerId, cancellationToken);
        if (organizer is null || organizer.Revoked)
        {
            // Hash anyway, so an unknown id costs the same time as a wrong secret.
            _ = SecretHasher.Matches(token.Secret, adminKeyHash);
            return null;
        }

        return SecretHasher.Matches(token.Secret, organizer.TokenHash) ? organizer : null;
    }

    public bool IsAdmin(HttpRequest request) =>
        BearerToken(request) is { } presented && SecretHasher.Matches(presented, adminKeyHash);

    /// <summary>The caller: the admin, an organizer, or null when the token is missing or wrong.</summary>
    public async Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (IsAdmin(request))
        {
            return Caller.Admin;
        }

        var organizer = await AuthenticateOrganizerAsync(request, cancellationToken);
        return organizer is null ? null : Caller.For(organizer);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }
}
