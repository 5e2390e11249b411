using RapidResponse.Audit;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Organizers;

/// <summary>
/// A coordinator's view of the organizers: list them, and set the regions each may press panic for. As for tokens
/// (<see cref="OrganizerTokens"/>), a coordinator sees and changes only organizers whose every region is in its scope;
/// any other answers <c>404</c>, as one that does not exist.
/// </summary>
public sealed class OrganizerDirectory(OrganizerStore store, AuditLog audit)
{
    /// <summary>The organizers whose every region is in the caller's scope, by name.</summary>
    public async Task<IReadOnlyList<OrganizerView>> ListAsync(CoordinatorCaller caller, CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken))
            .Where(o => o.Regions.All(caller.Covers))
            .OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(OrganizerView.From)
            .ToList();

    public async Task<Result<OrganizerView>> SetRegionsAsync(
        CoordinatorCaller caller, string organizerId, OrganizerRegionsRequest request, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(organizerId, cancellationToken) is not { } organizer || !caller.Can(ManageAction.EditOrganizers, organizer.Regions))
        {
            return Problem.NotFound($"No organizer '{organizerId}'.");
        }

        var errors = new FieldErrors();
        var regions = OrganizerRegions.Check(errors, request.Regions);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!caller.Can(ManageAction.EditOrganizers, regions))
        {
            return Problem.Forbidden("An organizer may be given only regions within your own scope.");
        }

        var changed = organizer with { Regions = regions };
        await store.ReplaceAsync(changed, cancellationToken);
        var touched = organizer.Regions.Union(regions, StringComparer.Ordinal);
        await audit.AppendAsync(caller, "organizer.regions", "organizer:" + organizer.Id, AuditEntry.Regions(touched), ["regions"], cancellationToken);
        return OrganizerView.From(changed);
    }
}
