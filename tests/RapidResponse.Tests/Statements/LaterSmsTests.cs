using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Dispatch;
using RapidResponse.Organizers;
using RapidResponse.Responses;
using RapidResponse.Statements;

namespace RapidResponse.Tests.Statements;

/// <summary>
/// Reminders, confirmations and follow-ups fit the first lawyer SMS's budget (2 segments GSM-7, 3 UCS-2), prefix
/// included, and each ends with the recipient's page link: at the longest realistic inputs, in en, ru and kk-like text.
/// </summary>
public sealed class LaterSmsTests
{
    private static readonly StatementAlertComposer Composer = Samples.Composer();
    private static readonly Uri Page = new("https://rapidresponse.example.org/api/r/Xk3p9QaZ7bC");

    private static readonly Organizer Organizer = new("org1", "Zhanar Sekerbayeva", ["KZ-SHY"], "+77011112233", "ru", "hash", DateTimeOffset.UnixEpoch)
    {
        SharePhone = true,
    };

    private static readonly IReadOnlyList<Acknowledgement> Responding =
    [
        new("d1", "c1", "Kazakhstan International Bureau for Human Rights and Rule of Law", ContactRole.Ngo, Channel.Email, DateTimeOffset.UnixEpoch),
        new("d2", "c2", "Aigerim Bekova", ContactRole.Lawyer, Channel.Sms, DateTimeOffset.UnixEpoch),
        new("d3", "c3", "Daniyar Nurlanov", ContactRole.Lawyer, Channel.Sms, DateTimeOffset.UnixEpoch),
    ];

    public static TheoryData<string, string, int> Scripts => new()
    {
        { "latin", "en", 2 },
        { "cyrillic", "ru", 3 },
        { "cyrillic", "en", 3 },
        { "kazakh", "kk", 3 },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public void A_reminder_carries_its_line_and_the_alert_within_the_budget(string script, string language, int segments)
    {
        var alert = Longest(script);
        var texts = FollowUpTexts.For(language);
        var recipient = new Recipient("Lawyer", ContactRole.Lawyer, language) { PageLink = Page };

        var body = SmsFit.FirstThatFits(texts.ReminderLeads(Responding).Select(lead => Composer.ComposeSms(alert, recipient with { Lead = lead }).Body));

        Fits(body, segments);
        Assert.Contains(texts.ReminderLeads(Responding), lead => body.StartsWith(lead, StringComparison.Ordinal));
        Assert.DoesNotContain(language == "ru" ? "ответа нет" : "nobody", body, StringComparison.Ordinal);
        Assert.Contains(AlertFactsText.Reference(alert), body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void A_confirmation_keeps_the_organizers_phone_whole_and_fits_with_the_page_link(string script, string language, int segments)
    {
        var alert = Longest(script);

        var body = SmsFit.WithLink(FollowUpTexts.For(language).Confirmation(alert, "Aigerim", Organizer), Page);

        Fits(body, segments);
        Assert.Contains("Zhanar Sekerbayeva, +77011112233.", body, StringComparison.Ordinal);
        Assert.Contains(AlertFactsText.Reference(alert), body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Updates_resolutions_and_duress_notes_with_the_longest_note_fit_with_the_page_link(string script, string language, int segments)
    {
        var alert = Longest(script);
        var texts = FollowUpTexts.For(language);

        foreach (var text in new[] { texts.UpdateSms(alert, "charged", alert.Message), texts.ResolutionSms(alert, "released", alert.Message), texts.DuressSms(alert) })
        {
            var body = SmsFit.WithLink(text, Page);

            Fits(body, segments);
            Assert.Contains(AlertFactsText.Reference(alert), body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_reminder_names_who_is_responding_when_there_is_room()
    {
        var alert = Samples.Longest(cyrillic: false) with { Message = "Court at 10", Location = new Location(null, null, null, "Station 2") };
        IReadOnlyList<Acknowledgement> one = [Responding[1]];

        var body = SmsFit.FirstThatFits(FollowUpTexts.English.ReminderLeads(one)
            .Select(lead => Composer.ComposeSms(alert, new Recipient("Lawyer", ContactRole.Lawyer, "en") { PageLink = Page, Lead = lead }).Body));

        Assert.StartsWith("REMINDER, responding so far: Aigerim (lawyer). More help is needed: ", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_update_is_sent_whole_and_a_long_one_is_cut_at_a_word_and_marked()
    {
        var alert = Longest("latin");
        var texts = FollowUpTexts.English;

        Assert.Equal(texts.UpdateSms(alert, "charged", "Court at 10") + " " + Page.AbsoluteUri, SmsFit.WithLink(texts.UpdateSms(alert, "charged", "Court at 10"), Page));
        var cut = SmsFit.WithLink(texts.UpdateSms(alert, "charged", alert.Message), Page);
        Assert.EndsWith("... " + Page.AbsoluteUri, cut, StringComparison.Ordinal);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.EncodingOf(cut));
    }

    private static Alert Longest(string script) => script switch
    {
        "latin" => Samples.Longest(cyrillic: false),
        "cyrillic" => Samples.Longest(cyrillic: true),
        _ => Samples.LongestKazakh(),
    };

    private static void Fits(string body, int segments)
    {
        Assert.True(SmsSegments.Count(body) <= segments, $"{SmsSegments.Count(body)} segments: {body}");
        Assert.EndsWith(" " + Page.AbsoluteUri, body, StringComparison.Ordinal);
    }
}
