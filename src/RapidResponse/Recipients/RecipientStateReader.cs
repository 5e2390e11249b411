using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Organizers;
using RapidResponse.Responses;
using RapidResponse.Statements;

namespace RapidResponse.Recipients;

/// <summary>
/// Builds what a recipient's page shows from the alert's partition: the facts (people consent-aware for those who
/// may publish), who is responding and what they said, the organizer's updates, and for NGOs the statement drafts.
/// </summary>
public sealed class RecipientStateReader(
    ResponseStore responses,
    RecipientResponseStore recipientResponses,
    OrganizerStore organizers,
    StatementService statements)
{
    public async Task<RecipientView> ReadAsync(RecipientTarget target, CancellationToken cancellationToken)
    {
        var (alert, delivery) = target;
        var language = RecipientLanguage.Of(delivery.Language);
        var acknowledgements = responses.ListAcknowledgementsAsync(alert.Id, cancellationToken);
        var statuses = recipientResponses.StatusesAsync(alert.Id, cancellationToken);
        var declined = recipientResponses.DeclinedAsync(alert.Id, cancellationToken);
        var followUps = recipientResponses.FollowUpsAsync(alert.Id, cancellationToken);
        var organizer = OrganizerAsync(alert, delivery, cancellationToken);
        await Task.WhenAll(acknowledgements, statuses, declined, followUps, organizer);

        var latest = statuses.Result.GroupBy(s => s.DeliveryId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var responders = acknowledgements.Result.OrderBy(a => a.At)
            .Select(a => new RecipientResponderView(a.FirstName, a.Role.ToWire(), latest.GetValueOrDefault(a.DeliveryId)?.Status, a.At))
            .ToList();
        var me = new RecipientMeView(
            acknowledgements.Result.Any(a => a.DeliveryId == delivery.Id),
            declined.Result.Contains(delivery.Id),
            statuses.Result.Where(s => s.DeliveryId == delivery.Id).Select(s => new RecipientStatusView(s.Status, s.Note, s.At)).ToList());
        var updates = followUps.Result.Where(f => f.Kind != FollowUpKind.Duress)
            .Select(f => new RecipientUpdateView(f.Kind == FollowUpKind.Resolution ? "resolution" : "update", f.Status, f.Message, f.At))
            .ToList();

        return new RecipientView(
            language,
            delivery.Role.ToWire(),
            delivery.Role is ContactRole.Ngo or ContactRole.Diplomat ? delivery.RecipientName : FirstName(delivery.RecipientName),
            Facts(alert, delivery.Role, language),
            organizer.Result,
            me,
            responders,
            updates,
            delivery.Role == ContactRole.Ngo ? Drafts(alert, language, followUps.Result) : []);
    }

    /// <summary>The first draft (id 0), then one per follow-up that calls for an updated one (id = its number).</summary>
    public IReadOnlyList<RecipientDraftView> Drafts(Alert alert, string language, IReadOnlyList<FollowUpRecord> followUps)
    {
        var first = statements.RenderStatement(alert, language);
        var drafts = new List<RecipientDraftView> { new("0", first.Title, first.Markdown, alert.CreatedAt) };
        foreach (var followUp in followUps)
        {
            if (FollowUpEmails.DraftFor(followUp) is { } status)
            {
                var draft = statements.RenderFollowUp(alert, status, followUp.Message, followUp.At, language);
                drafts.Add(new RecipientDraftView(followUp.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), draft.Title, draft.Markdown, followUp.At));
            }
        }

        return drafts;
    }

    public async Task<IReadOnlyList<RecipientDraftView>> DraftsAsync(RecipientTarget target, CancellationToken cancellationToken) =>
        target.Delivery.Role == ContactRole.Ngo
            ? Drafts(target.Alert, RecipientLanguage.Of(target.Delivery.Language), await recipientResponses.FollowUpsAsync(target.Alert.Id, cancellationToken))
            : [];

    private RecipientAlertView Facts(Alert alert, ContactRole role, string language)
    {
        // Lawyers and allies need every name to find the people; those who may publish see only who agreed to be named.
        var everyone = role is ContactRole.Lawyer or ContactRole.Ally;
        var people = alert.People.Where(p => everyone || p.PublicName).Select(p => new RecipientPersonView(p.Name, p.Role)).ToList();
        var duress = alert.DuressAt is not null;
        return new RecipientAlertView(
            AlertFactsText.Reference(alert),
            alert.Incident.ToWire(),
            alert.Region,
            statements.PlaceName(alert, language),
            alert.Location?.Text,
            AlertFactsText.MapLink(alert),
            alert.OccurredAt,
            people,
            everyone ? null : PublicPeople.Describe(alert, language),
            alert.Message,
            alert.EventName,
            duress ? "open" : alert.Status.ToString().ToLowerInvariant(),
            alert.Silent,
            duress);
    }

    /// <summary>Under a silent alert or duress someone else may hold the organizer's phone: nobody gets its number.</summary>
    private async Task<RecipientOrganizerView> OrganizerAsync(Alert alert, Delivery delivery, CancellationToken cancellationToken)
    {
        var doNotContact = alert.Silent || alert.DuressAt is not null;
        if (doNotContact || delivery.Role is not (ContactRole.Lawyer or ContactRole.Ally))
        {
            return new RecipientOrganizerView(null, null, doNotContact);
        }

        var organizer = await organizers.GetAsync(alert.OrganizerId, cancellationToken);
        return organizer is { SharePhone: true, Phone: { } phone }
            ? new RecipientOrganizerView(organizer.Name, phone, false)
            : new RecipientOrganizerView(null, null, false);
    }

    private static string FirstName(string name) => name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : name;
}
