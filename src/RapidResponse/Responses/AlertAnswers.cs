using RapidResponse.Contacts;

namespace RapidResponse.Responses;

/// <summary>
/// What an alert's recipients have answered so far: who acknowledged, and whose alert delivery was answered "cannot
/// go". An escalation step reads it to plan its reminders and calls, and the send reads it again just before one goes
/// (<see cref="Dispatch.DeliveryWithdrawals"/>): one rule, asked at both times.
/// </summary>
public sealed class AlertAnswers
{
    /// <summary>Nobody has answered: how a duress step reads an alert, whose all-clear was forced.</summary>
    public static readonly AlertAnswers None = new([], new HashSet<string>(StringComparer.Ordinal));

    private readonly IReadOnlyList<Acknowledgement> acknowledgements;
    private readonly IReadOnlySet<string> declined;

    private AlertAnswers(IReadOnlyList<Acknowledgement> acknowledgements, IReadOnlySet<string> declined)
    {
        this.acknowledgements = acknowledgements;
        this.declined = declined;
        AcknowledgedRoles = acknowledgements.Select(a => a.Role).ToHashSet();
    }

    public static async Task<AlertAnswers> ReadAsync(
        ResponseStore responses, RecipientResponseStore recipientResponses, string alertId, CancellationToken cancellationToken)
    {
        var acknowledgements = responses.ListAcknowledgementsAsync(alertId, cancellationToken);
        var declined = recipientResponses.DeclinedAsync(alertId, cancellationToken);
        await Task.WhenAll(acknowledgements, declined);
        return new AlertAnswers(await acknowledgements, await declined);
    }

    /// <summary>The roles someone of which acknowledged: each stops that role's escalation.</summary>
    public IReadOnlySet<ContactRole> AcknowledgedRoles { get; }

    /// <summary>The first acknowledgement by someone of the role, if any.</summary>
    public Acknowledgement? AcknowledgedBy(ContactRole role) => acknowledgements.FirstOrDefault(a => a.Role == role);

    /// <summary>Whether the recipient of this alert delivery said they cannot go.</summary>
    public bool Declined(string alertDeliveryId) => declined.Contains(alertDeliveryId);

    /// <summary>
    /// Whether the recipient of an alert delivery is still awaited for <paramref name="role"/> (their own, or lawyer
    /// for a call): nobody of the role has acknowledged, and they have not said they cannot go.
    /// </summary>
    public bool Awaits(ContactRole role, string alertDeliveryId) => !AcknowledgedRoles.Contains(role) && !Declined(alertDeliveryId);
}
