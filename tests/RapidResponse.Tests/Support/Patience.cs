namespace RapidResponse.Tests.Support;

/// <summary>
/// How long a test waits for something that should happen. Waits end as soon as it does, so a passing test pays
/// nothing for a long limit, while a short one fails on a busy shared machine (two cores, an Azurite pausing for its
/// own garbage collection) for no fault of the service.
/// </summary>
public static class Patience
{
    /// <summary>For sends, timeline entries and page updates that follow a request.</summary>
    public static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);
}
