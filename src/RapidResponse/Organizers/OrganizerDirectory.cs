using RapidResponse.Http;

namespace RapidResponse.Organizers;

/// <summary>A coordinator's view of the organizers: list them, and set the regions each may press panic for.</summary>
public sealed class OrganizerDirectory(OrganizerStore store)
{
    /// <summary>The organizers with a region in <paramref name="scope"/> (the regions the caller manages; null for all).</summary>
    public async Task<IReadOnlyList<OrganizerView>> ListAsync(IReadOnlyCollection<string>? scope, CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken))
            .Where(o => scope is null || o.Regions.Any(r => Contacts.RegionCode.Chain(r).Any(scope.Contains)))
            .OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(OrganizerView.From)
            .ToList();

    public async Task<Result<OrganizerView>> SetRegionsAsync(string organizerId, OrganizerRegionsRequest request, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(organizerId, cancellationToken) is not { } organizer)
        {
            return Problem.NotFound($"No organizer '{organizerId}'.");
        }

        var errors = new FieldErrors();
        var regions = OrganizerRegions.Check(errors, request.Regions);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var changed = organizer with { Regions = regions };
        await store.ReplaceAsync(changed, cancellationToken);
        return OrganizerView.From(changed);
    }
}
