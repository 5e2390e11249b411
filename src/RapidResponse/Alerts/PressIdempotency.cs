using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RapidResponse.Http;

namespace RapidResponse.Alerts;

/// <summary>What to do with a press, given earlier presses with the same key.</summary>
public abstract record PressDecision
{
    /// <summary>Raise (or finish raising) the alert with this id.</summary>
    public sealed record Raise(PressReservation Reservation) : PressDecision;

    /// <summary>Already accepted: answer as the first time.</summary>
    public sealed record Repeat(string AlertId) : PressDecision;

    public sealed record Refuse(Problem Problem) : PressDecision;
}

/// <summary>
/// Press idempotency, per the IETF draft "The Idempotency-Key HTTP Header Field": the same key with the same body
/// answers the original <c>202</c> and raises nothing new; the same key with another body is <c>422</c>; a second
/// request while the first is still being accepted waits up to 3 s for it, then is
/// <c>409</c>. Without a key, identical presses by one organizer
/// within <see cref="RepeatWindow"/> are the same alert: a frightened person presses again and again.
/// </summary>
public sealed class PressIdempotency(IdempotencyStore store, TimeProvider time)
{
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromSeconds(60);

    /// <summary>An acceptance still 'accepting' after this long has died with its worker; a retry takes it over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(30);

    private const int MaxWaits = 30;

    public async Task<PressDecision> DecideAsync(string organizerId, string? idempotencyKey, PanicRequest request, string newAlertId, CancellationToken cancellationToken)
    {
        if (idempotencyKey is { Length: 0 or > MaxKeyLength })
        {
            return new PressDecision.Refuse(Problem.Invalid("Idempotency-Key", $"must be 1 to {MaxKeyLength} characters"));
        }

        var explicitKey = idempotencyKey is not null;

        // Without a key, the press time is left out: the same facts pressed again are the same alert.
        var fingerprint = Fingerprint(explicitKey ? request : request with { OccurredAt = null });
        var key = explicitKey ? "key-" + Hash(idempotencyKey!) : "auto-" + fingerprint;
        var now = time.GetUtcNow();
        var fresh = new PressReservation(organizerId, key, fingerprint, newAlertId, ReservationState.Accepting, now);

        var waits = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            now = time.GetUtcNow();
            if (await store.TryAddAsync(fresh, cancellationToken) is { } added)
            {
                return new PressDecision.Raise(added);
            }

            var existing = await store.GetAsync(organizerId, key, cancellationToken);
            if (existing is null)
            {
                continue;
            }

            if (existing.Fingerprint != fingerprint)
            {
                return new PressDecision.Refuse(Problem.Invalid("Idempotency-Key", "was used before with a different body"));
            }

            if (!explicitKey && now - existing.CreatedAt >= RepeatWindow)
            {
                // A new press with the same facts after the window is a new alert.
                if (await store.TryReplaceAsync(fresh with { Version = existing.Version }, cancellationToken) is { } replaced)
                {
                    return new PressDecision.Raise(replaced);
                }

                continue;
            }

            switch (existing.State)
            {
                case ReservationState.Accepted:
                    return new PressDecision.Repeat(existing.AlertId);
                case ReservationState.Accepting when now - existing.CreatedAt < AbandonedAfter && waits++ < MaxWaits:
                    // A repeat waits a little for the first press's outcome (the reservation is marked just after the
                    // first answer) rather than failing: it then answers as the first did. A poll of storage, so in
                    // real time whatever clock the service is given.
                    await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
                    attempt--;
                    break;
                case ReservationState.Accepting when now - existing.CreatedAt < AbandonedAfter:
                    return new PressDecision.Refuse(Problem.Conflict("A press with this Idempotency-Key is still being accepted; retry in a moment."));
                default:
                    // Interrupted or abandoned: finish raising the same alert.
                    if (await store.TryReplaceAsync(existing with { State = ReservationState.Accepting, CreatedAt = now }, cancellationToken) is { } taken)
                    {
                        return new PressDecision.Raise(taken);
                    }

                    break;
            }
        }

        return new PressDecision.Refuse(Problem.Conflict("Another request with this Idempotency-Key is being accepted; retry in a moment."));
    }

    public Task<PressReservation?> CompleteAsync(PressReservation reservation, CancellationToken cancellationToken) =>
        store.TryReplaceAsync(reservation with { State = ReservationState.Accepted }, cancellationToken);

    public Task<PressReservation?> InterruptAsync(PressReservation reservation, CancellationToken cancellationToken) =>
        store.TryReplaceAsync(reservation with { State = ReservationState.Interrupted }, cancellationToken);

    private static string Fingerprint(PanicRequest request) => Hash(JsonSerializer.Serialize(request, ApiJson.Default.PanicRequest));

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
