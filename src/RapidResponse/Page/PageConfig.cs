using Microsoft.Extensions.Options;
using RapidResponse.Channels.Sms;
using RapidResponse.Organizers;

namespace RapidResponse.Page;

/// <summary>
/// The body of <c>GET /api/app/config</c>: what the page needs to start. The SMS fallback (the service number and
/// the panic keyword, both already known to anyone who got an alert SMS), and, for a valid organizer token, whose
/// device this is and the regions a press may name. No secret, no phone number of anyone.
/// </summary>
public sealed record PageConfig(string? SmsNumber, string SmsKeyword, PageOrganizer? Organizer);

public sealed record PageOrganizer(string Name, IReadOnlyList<string> Regions, string Language);

public sealed class PageConfigReader(IOptions<TwilioOptions> twilio, IOptions<RapidResponseOptions> options)
{
    public PageConfig Read(Organizer? organizer) => new(
        string.IsNullOrWhiteSpace(twilio.Value.FromNumber) ? null : twilio.Value.FromNumber,
        options.Value.SmsPanicKeyword,
        organizer is null ? null : new PageOrganizer(organizer.Name, organizer.Regions, organizer.Language));
}
