using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RapidResponse.Coordinators;
using RapidResponse.Organizers;

namespace RapidResponse.Security;

/// <summary>
/// Reads the bearer token of a request and says whose it is: the admin's, an organizer's, a coordinator account's, or
/// nobody's. Every check reads the token's row (a point read, no cache), so a rotation or revocation holds at once.
/// </summary>
public sealed class Authenticator(
    OrganizerStore organizers, CoordinatorStore coordinators, IOptions<RapidResponseOptions> options, IOptions<EasyAuthOptions>? easyAuth = null)
{
    private readonly string adminKeyHash = SecretHasher.Hash(options.Value.AdminKey);
    private readonly EasyAuthOptions? singleSignOn = easyAuth?.Value is { Enabled: true } enabled ? enabled : null;

    public async Task<Organizer?> AuthenticateOrganizerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!OrganizerToken.TryParse(BearerToken(request), out var token) || CoordinatorToken.IsCoordinatorId(token.OrganizerId))
        {
            return null;
        }

        var organizer = await organizers.GetAsync(token.OrganizerId, cancellationToken);
        return Checked(token.Secret, organizer?.Revoked == false ? organizer.TokenHash : null) ? organizer : null;
    }

    /// <summary>
    /// The caller of a manage route: the admin key (root), a coordinator account, or (only with
    /// <see cref="EasyAuthOptions.Enabled"/> and no bearer token) an Entra user signed in by App Service; null for anyone else.
    /// </summary>
    public async Task<CoordinatorCaller?> AuthenticateCoordinatorAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (IsAdmin(request))
        {
            return CoordinatorCaller.Admin;
        }

        if (singleSignOn is not null && BearerToken(request) is null)
        {
            return EasyAuthPrincipal.Read(request.Headers[EasyAuthPrincipal.Header].ToString(), singleSignOn);
        }

        if (!OrganizerToken.TryParse(BearerToken(request), out var token) || !CoordinatorToken.IsCoordinatorId(token.OrganizerId))
        {
            return null;
        }

        var coordinator = await coordinators.GetAsync(token.OrganizerId, cancellationToken);
        return Checked(token.Secret, coordinator?.Revoked == false ? coordinator.TokenHash : null) ? coordinator!.ToCaller() : null;
    }

    public bool IsAdmin(HttpRequest request) =>
        BearerToken(request) is { } presented && SecretHasher.Matches(presented, adminKeyHash);

    /// <summary>The caller of an organizer's route: the admin, an organizer, or null when the token is missing or wrong.</summary>
    public async Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (IsAdmin(request))
        {
            return Caller.Admin;
        }

        var organizer = await AuthenticateOrganizerAsync(request, cancellationToken);
        return organizer is null ? null : Caller.For(organizer);
    }

    /// <summary>The caller of a route that reads an alert: as <see cref="AuthenticateAsync"/>, or a coordinator account.</summary>
    public async Task<Caller?> AuthenticateReaderAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await AuthenticateAsync(request, cancellationToken)
        ?? (await AuthenticateCoordinatorAsync(request, cancellationToken) is { } coordinator ? Caller.For(coordinator) : null);

    // An unknown or revoked id is hashed against the admin key's hash anyway, so it costs the same time as a wrong secret.
    private bool Checked(string secret, string? expectedHash) =>
        SecretHasher.Matches(secret, expectedHash ?? adminKeyHash) && expectedHash is not null;

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }
}
