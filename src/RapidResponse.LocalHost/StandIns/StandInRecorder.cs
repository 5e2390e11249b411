using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace RapidResponse.LocalHost.StandIns;

/// <summary>A Twilio Messages request as the stand-in received it.</summary>
public sealed record RecordedSms(
    string Sid,
    string AccountSid,
    string? BasicAuthUser,
    string To,
    string? From,
    string? MessagingServiceSid,
    string Body,
    string? StatusCallback,
    string? ValidityPeriod,
    DateTimeOffset ReceivedAt,
    string? ContentSid = null,
    string? ContentVariables = null)
{
    /// <summary>Sent to <c>whatsapp:+…</c>: a WhatsApp message rather than an SMS.</summary>
    public bool IsWhatsApp => To.StartsWith("whatsapp:", StringComparison.Ordinal);
}

/// <summary>A Twilio Calls request as the stand-in received it: where Twilio would fetch the TwiML and post the status.</summary>
public sealed record RecordedCall(
    string Sid,
    string AccountSid,
    string To,
    string From,
    string Url,
    string? StatusCallback,
    string? MachineDetection,
    DateTimeOffset ReceivedAt);

/// <summary>A SendGrid v3 mail/send request as the stand-in received it.</summary>
public sealed record RecordedEmail(
    string MessageId,
    string? Authorization,
    IReadOnlyList<string> To,
    string? From,
    string? Subject,
    string? Text,
    string? Html,
    IReadOnlyList<string> AttachmentNames,
    JsonNode Raw,
    DateTimeOffset ReceivedAt);

/// <summary>
/// What the stand-ins answer instead of success: a status code (and optional Retry-After seconds); or, with
/// <see cref="DropAfterTaking"/>, the request is taken (recorded, as sent) and the connection dropped before any answer.
/// </summary>
public sealed record StandInFault(int StatusCode, int? RetryAfterSeconds = null, bool DropAfterTaking = false)
{
    public static readonly StandInFault DropConnection = new(0, DropAfterTaking: true);
}

/// <summary>
/// Records what the local Twilio and SendGrid stand-ins received: what would have been sent. Tests read it and
/// can make the stand-ins slow or failing on command.
/// </summary>
public sealed class StandInRecorder
{
    private readonly ConcurrentQueue<RecordedSms> sms = new();
    private readonly ConcurrentQueue<RecordedEmail> emails = new();
    private readonly ConcurrentQueue<RecordedCall> calls = new();

    public IReadOnlyCollection<RecordedSms> Sms => sms;

    public IReadOnlyCollection<RecordedEmail> Emails => emails;

    public IReadOnlyCollection<RecordedCall> Calls => calls;

    /// <summary>Added to every stand-in answer (a provider's latency).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Decides, per request, to fail instead of succeeding ("twilio" or "sendgrid"); null means succeed.</summary>
    public Func<string, StandInFault?>? Fault { get; set; }

    /// <summary>Raised after each recording, for tests that wait for a send.</summary>
    public event Action? Recorded;

    internal void Add(RecordedSms message)
    {
        sms.Enqueue(message);
        Recorded?.Invoke();
    }

    internal void Add(RecordedCall call)
    {
        calls.Enqueue(call);
        Recorded?.Invoke();
    }

    internal void Add(RecordedEmail message)
    {
        emails.Enqueue(message);
        Recorded?.Invoke();
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the recordings, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<StandInRecorder, bool> condition, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (!condition(this))
        {
            try
            {
                await Task.Delay(25, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Stand-ins did not see the expected sends within {timeout}: {sms.Count} SMS, {emails.Count} emails, {calls.Count} calls.");
            }
        }
    }
}
