using System.ComponentModel.DataAnnotations;
using RapidResponse.Security;

namespace RapidResponse;

/// <summary>Service-wide settings (configuration section <c>RapidResponse</c>).</summary>
public sealed class RapidResponseOptions : IValidatableObject
{
    public const string Section = "RapidResponse";

    /// <summary>The admin bearer secret. Compared only through its hash.</summary>
    [Required, MinLength(24), ResolvedSecret]
    public required string AdminKey { get; set; }

    /// <summary>Base URL for status links and provider callbacks, e.g. <c>https://rapidresponse.example.org</c>.</summary>
    [Required]
    public required Uri PublicBaseUrl { get; set; }

    /// <summary>Who hears about messages that failed every attempt (E.164), optional.</summary>
    public string? OperatorPhone { get; set; }

    /// <summary>Who hears about messages that failed every attempt, by email; optional.</summary>
    [EmailAddress]
    public string? OperatorEmail { get; set; }

    /// <summary>The word that, texted by a registered organizer's phone to the service number, raises an alert.</summary>
    [Required, MinLength(2), MaxLength(20)]
    public string SmsPanicKeyword { get; set; } = "SOS";

    /// <summary>New alerts one organizer may raise at once before <c>429</c>; the first press always passes.</summary>
    [Range(1, 100_000)]
    public int PressBurst { get; set; } = 10;

    /// <summary>How fast an organizer's allowance of new alerts refills, per minute.</summary>
    [Range(0.1, 100_000)]
    public double PressesPerMinute { get; set; } = 2;

    /// <summary>Updates one organizer may send at once before <c>429</c> (each goes to everyone alerted).</summary>
    [Range(1, 100_000)]
    public int UpdateBurst { get; set; } = 10;

    /// <summary>How fast the allowance of updates refills, per minute.</summary>
    [Range(0.1, 100_000)]
    public double UpdatesPerMinute { get; set; } = 2;

    /// <summary>Resolves one organizer may try at once before <c>429</c> (a mistyped code counts too).</summary>
    [Range(1, 100_000)]
    public int ResolveBurst { get; set; } = 5;

    /// <summary>How fast the allowance of resolves refills, per minute.</summary>
    [Range(0.1, 100_000)]
    public double ResolvesPerMinute { get; set; } = 1;

    /// <summary>The burst and the refill per minute of an organizer's action.</summary>
    public (int Burst, double PerMinute) Allowance(Security.LimitedAction action) => action switch
    {
        Security.LimitedAction.Press => (PressBurst, PressesPerMinute),
        Security.LimitedAction.Update => (UpdateBurst, UpdatesPerMinute),
        _ => (ResolveBurst, ResolvesPerMinute),
    };

    /// <summary>
    /// For tests only: multiplies the back-off of held sends (5 s to 5 minutes, <c>RetryBackoff</c>), a send's retry
    /// period and the circuit breaker's break (<c>SendResilience</c>), and the watchdog's probe period, so that a
    /// 30-minute outage can be played on the real queue listener in a minute (1/30). The watchdog's sweep (every
    /// 10 s) and the send timeouts are not scaled. Leave it at 1 in service.
    /// </summary>
    [Range(0.001, 1)]
    public double BackoffScale { get; set; } = 1;

    /// <summary>
    /// Optional: base64 of a random 256-bit key that encrypts the sensitive columns at rest (AES-GCM, see
    /// <see cref="Security.FieldCipher"/>). In Azure, a Key Vault reference. Without it, they are stored as given.
    /// </summary>
    [ResolvedSecret]
    public string? DataKey { get; set; }

    /// <summary>
    /// Optional: data keys used before <see cref="DataKey"/>, oldest first, separated by commas: values sealed under
    /// them still read (and are sealed under the data key when their row is next written). The phone index and link
    /// keys stay derived from the first of them, the deployment's original key (<see cref="DerivedKey"/>).
    /// </summary>
    [ResolvedSecret]
    public string? RetiredDataKeys { get; set; }

    private static bool IsKey(string text) => Convert.TryFromBase64String(text, new byte[33], out var length) && length == 32;

    /// <summary>The retired data keys, decoded (after validation: each base64 of 32 bytes).</summary>
    public IReadOnlyList<byte[]> RetiredKeys() =>
        (RetiredDataKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Convert.FromBase64String).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        Span<byte> key = stackalloc byte[33];
        if (DataKey is { Length: > 0 } && (!Convert.TryFromBase64String(DataKey, key, out var length) || length != 32))
        {
            yield return new ValidationResult("DataKey must be base64 of exactly 32 random bytes.", [nameof(DataKey)]);
        }

        var retired = (RetiredDataKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!retired.All(IsKey))
        {
            yield return new ValidationResult("RetiredDataKeys must be base64 keys of exactly 32 bytes each, separated by commas.", [nameof(RetiredDataKeys)]);
        }
        else if (retired.Length > 0 && DataKey is not { Length: > 0 })
        {
            yield return new ValidationResult("RetiredDataKeys needs a DataKey to seal new values with.", [nameof(RetiredDataKeys)]);
        }
    }

    /// <summary>
    /// A key for one purpose (the phone index, acknowledgement links), derived from the deployment's original data key
    /// (the first of <see cref="RetiredDataKeys"/>, else <see cref="DataKey"/>), so rotating the admin key or the data
    /// key leaves opt-outs, YES replies and emailed links working. Without a data key (local development) it is
    /// derived from the admin key.
    /// </summary>
    public byte[] DerivedKey(string purpose)
    {
        var root = RetiredKeys() is [var original, ..] ? original
            : DataKey is { Length: > 0 } ? Convert.FromBase64String(DataKey) : System.Text.Encoding.UTF8.GetBytes(AdminKey);
        return System.Security.Cryptography.HMACSHA256.HashData(root, System.Text.Encoding.UTF8.GetBytes(purpose));
    }

    /// <summary>Builds an absolute URL under the public base, e.g. <c>api/alerts/123</c>.</summary>
    public Uri Link(string relativePath) =>
        new(new Uri(PublicBaseUrl.AbsoluteUri.TrimEnd('/') + "/"), relativePath.TrimStart('/'));
}
