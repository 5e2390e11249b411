using RapidResponse.Organizers;

namespace RapidResponse.Security;

/// <summary>Who is calling: the admin (<see cref="Organizer"/> is null) or one organizer.</summary>
public sealed record Caller(Organizer? Organizer)
{
    public static readonly Caller Admin = new((Organizer?)null);

    public static Caller For(Organizer organizer) => new(organizer);

    public bool IsAdmin => Organizer is null;

    /// <summary>The admin reads every alert; an organizer only its own.</summary>
    public bool MayRead(string alertOrganizerId) => IsAdmin || Organizer!.Id == alertOrganizerId;
}
