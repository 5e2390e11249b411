namespace RapidResponse.Channels.Budget;

/// <summary>
/// A sender's bucket: <see cref="Rate"/> tokens a second, at most <see cref="Burst"/> held (one second's worth), of
/// which <see cref="Reserve"/> only urgent sends may take, and at most <see cref="Lease"/> taken per round trip.
/// </summary>
public sealed record BucketShape(double Rate, int Burst, int Reserve, int Lease)
{
    /// <summary>One second of burst; a fifth of it kept for urgent sends; a tenth of a second leased per round trip.</summary>
    public static BucketShape For(int messagesPerSecond) => new(
        messagesPerSecond,
        Burst: messagesPerSecond,
        Reserve: messagesPerSecond >= 5 ? messagesPerSecond / 5 : 0,
        Lease: Math.Max(1, (int)Math.Ceiling(messagesPerSecond / 10.0)));
}
