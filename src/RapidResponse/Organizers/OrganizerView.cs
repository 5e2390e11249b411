namespace RapidResponse.Organizers;

/// <summary>An organizer as a coordinator lists it: never its token, codes or phone.</summary>
public sealed record OrganizerView(string OrganizerId, string Name, IReadOnlyList<string> Regions, string Language, bool Revoked, DateTimeOffset CreatedAt)
{
    public static OrganizerView From(Organizer organizer) =>
        new(organizer.Id, organizer.Name, organizer.Regions, organizer.Language, organizer.Revoked, organizer.CreatedAt);
}

/// <summary>The body of <c>PUT /api/manage/organizers/{organizerId}/regions</c>.</summary>
public sealed record OrganizerRegionsRequest(IReadOnlyList<string>? Regions);
