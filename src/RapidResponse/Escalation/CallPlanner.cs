using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Responses;

namespace RapidResponse.Escalation;

/// <summary>
/// Whom an escalation step's <c>call</c> phones: every lawyer alerted by SMS so far (tier 1 at the press, and any
/// tier an earlier step reached) while no lawyer has acknowledged, except those who declined, whose SMS failed for
/// good, or whose number is an organizer's (the organizer's phone is never called: someone may be holding it).
/// A call is a Delivery row of its own (<c>…|call-&lt;step&gt;</c>), so a repeated step never calls twice.
/// </summary>
public sealed class CallPlanner(PhoneIndex phones)
{
    public async Task<IReadOnlyList<Delivery>> CallsAsync(
        int step, IEnumerable<Delivery> existing, AlertAnswers answers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidates = existing
            .Where(d => d.Kind == DeliveryKind.Alert && d.Channel == Channel.Sms && d.Role == ContactRole.Lawyer)
            .Where(d => answers.Awaits(ContactRole.Lawyer, d.Id) && !d.State.IsFinalFailure())
            .DistinctBy(d => d.Address, StringComparer.Ordinal)
            .ToList();
        var organizers = await Task.WhenAll(candidates.Select(d => phones.OrganizersAsync(d.Address, cancellationToken)));
        var about = step.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return candidates
            .Where((_, i) => organizers[i].Count == 0)
            .Select(d => DeliveryKinds.Later(d, DeliveryKinds.CallId(d, step), DeliveryKind.Call, about, now) with { Channel = Channel.Call })
            .ToList();
    }
}
