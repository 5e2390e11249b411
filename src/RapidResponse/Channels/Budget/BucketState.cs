namespace RapidResponse.Channels.Budget;

/// <summary>A sender's bucket as stored: tokens left at <see cref="At"/>.</summary>
public sealed record BucketState(double Tokens, DateTimeOffset At);

/// <summary>What one lease takes: urgent and normal slots, and the bucket after; or, with none, how long to wait.</summary>
public sealed record BucketGrant(int Urgent, int Normal, BucketState After, TimeSpan Wait)
{
    public int Total => Urgent + Normal;

    /// <summary>
    /// Refills <paramref name="stored"/> (a missing bucket starts full) to <paramref name="now"/> and takes what it
    /// can: urgent slots from every token, normal ones only above the urgent reserve. Clocks of instances differ a
    /// little: a bucket stamped in our future refills nothing, never a negative amount.
    /// </summary>
    public static BucketGrant Take(BucketState? stored, DateTimeOffset now, BucketShape shape, int wantUrgent, int wantNormal)
    {
        var tokens = stored is null
            ? shape.Burst
            : Math.Min(shape.Burst, stored.Tokens + (Math.Max(0, (now - stored.At).TotalSeconds) * shape.Rate));
        var urgent = Math.Min(wantUrgent, (int)Math.Floor(tokens));
        var normal = Math.Min(wantNormal, Math.Max(0, (int)Math.Floor(tokens - urgent - shape.Reserve)));
        var needed = wantUrgent > 0 ? 1 : 1 + shape.Reserve;
        var wait = urgent + normal > 0
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Max(0.001, (needed - tokens) / shape.Rate));
        return new BucketGrant(urgent, normal, new BucketState(tokens - urgent - normal, now), wait);
    }
}
