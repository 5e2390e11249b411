using RapidResponse.Contacts;

namespace RapidResponse.Dispatch;

/// <summary>Who is alerted on which channel.</summary>
public static class RecipientSelector
{
    /// <summary>
    /// Lawyers and allies get SMS; NGOs, journalists and diplomats get email. A contact without that channel's
    /// address gets the other; a contact with neither is skipped. A contact who prefers WhatsApp gets it on their phone. Lawyers come first: their SMS go out first.
    /// </summary>
    public static IReadOnlyList<(Contact Contact, Channel Channel)> Select(IEnumerable<Contact> contacts) =>
        contacts
            .Where(c => c.Active)
            .Select(c => (Contact: c, Channel: ChannelFor(c)))
            .Where(r => r.Channel is not null)
            .Select(r => (r.Contact, r.Channel!.Value))
            .OrderBy(r => r.Contact.Role == ContactRole.Lawyer ? 0 : 1)
            .ThenBy(r => r.Value)
            .ToList();

    public static Channel? ChannelFor(Contact contact)
    {
        if (contact.Prefers == ContactChannels.WhatsApp && !string.IsNullOrEmpty(contact.Phone))
        {
            return Channel.WhatsApp;
        }

        var preferred = contact.Role is ContactRole.Lawyer or ContactRole.Ally ? Channel.Sms : Channel.Email;
        var other = preferred == Channel.Sms ? Channel.Email : Channel.Sms;
        return HasAddress(contact, preferred) ? preferred : HasAddress(contact, other) ? other : null;
    }

    public static string? AddressFor(Contact contact, Channel channel) => channel == Channel.Email ? contact.Email : contact.Phone;

    private static bool HasAddress(Contact contact, Channel channel) => !string.IsNullOrEmpty(AddressFor(contact, channel));
}
