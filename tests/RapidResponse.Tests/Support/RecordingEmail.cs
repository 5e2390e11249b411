using RapidResponse.Channels;
using RapidResponse.Channels.Email;

namespace RapidResponse.Tests.Support;

/// <summary>An email sender that records what it was asked to send; <see cref="Next"/> decides the outcome.</summary>
public sealed class RecordingEmail : IEmailSender
{
    public List<EmailMessage> Sent { get; } = [];

    public List<EmailBatch> Batches { get; } = [];

    public Func<SendOutcome>? Next { get; set; }

    public Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            Sent.Add(message);
        }

        return Task.FromResult(Next?.Invoke() ?? new SendOutcome.Accepted("EM" + Sent.Count));
    }

    public Task<SendOutcome> SendBatchAsync(EmailBatch batch, CancellationToken cancellationToken)
    {
        lock (Batches)
        {
            Batches.Add(batch);
        }

        return Task.FromResult(Next?.Invoke() ?? new SendOutcome.Accepted("EMB" + Batches.Count));
    }
}
