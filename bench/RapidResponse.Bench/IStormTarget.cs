namespace RapidResponse.Bench;

/// <summary>What a storm runs on: one host in the bench's process, or several host processes on one storage.</summary>
public interface IStormTarget
{
    /// <summary>Every SMS the stand-ins record, stamped as it arrives.</summary>
    SmsArrivals Arrivals { get; }

    /// <summary>Where presses go, one client per instance, taken in turn as a load balancer would.</summary>
    IReadOnlyList<HttpClient> Entries { get; }

    /// <summary>Seeds active tier-1 lawyers with SMS numbers no other lawyer has; returns the numbers.</summary>
    Task<IReadOnlyList<string>> SeedLawyersAsync(string region, int count, CancellationToken cancellationToken);

    /// <summary>Seeds active tier-1 NGOs reached by email; returns their addresses.</summary>
    Task<IReadOnlyList<string>> SeedNgosAsync(string region, int count, CancellationToken cancellationToken);

    /// <summary>A new organizer for several regions; returns its bearer token.</summary>
    Task<string> NewOrganizerAsync(IReadOnlyList<string> regions, CancellationToken cancellationToken);
}
