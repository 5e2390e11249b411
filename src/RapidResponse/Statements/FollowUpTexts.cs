using System.Globalization;
using System.Text;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Organizers;
using RapidResponse.Responses;

namespace RapidResponse.Statements;

/// <summary>
/// The texts of what follows an alert, in the recipient's language (English, Russian for <c>ru</c>, Kazakh for <c>kk</c>, as the alert
/// SMS itself): the responder's confirmation, reminders, updates and the resolution, the duress signal, and the
/// organizer's "who is coming". Short, like the alert SMS: a Cyrillic segment holds 67 characters.
/// </summary>
public sealed partial class FollowUpTexts
{
    /// <summary>What a follow-up email's subject calls it (<see cref="Subject"/>).</summary>
    public const string ResolvedKind = "resolved";
    public const string UpdateKind = "update";
    public const string DuressKind = "duress";

    public static readonly FollowUpTexts English = new()
    {
        Language = "en",
        DuressPrefix = "DURESS SIGNAL: ",
        SilentPrefix = "SILENT, do not call or text the organiser: ",
        ReminderPrefix = "REMINDER, nobody has responded yet: ",
        RespondingReminderFormat = "REMINDER, responding so far: {0}. More help is needed: ",
        ShortReminderPrefix = "REMINDER, more help is needed: ",
        NobodyNamed = "the organiser",
        NoPlace = "place not given",
        FormatTime = at => at.UtcDateTime.ToString("HH:mm 'UTC' d MMM", CultureInfo.InvariantCulture),
        StatusWords = new Dictionary<string, string>(StringComparer.Ordinal),
        RoleWords = new Dictionary<ContactRole, string>(),
        ThanksFormat = "RapidResponse: thank you, {0}. You are responding to ref {1}.",
        WhereLabel = "Where: ",
        WhenLabel = "When: ",
        MessageLabel = "Message: ",
        QuoteFormat = "\"{0}\"",
        EventLabel = "Event: ",
        OrganizerSharedFormat = "Organiser: {0}, {1}.",
        OrganizerWithheld = "The organiser's number is not shared; they have been told you are coming.",
        NoticeFormat = "RapidResponse: {0} ({1}) is responding to your alert {2}.",
        GreetingFormat = "Dear {0},",
        AckLineFormat = "Responding? Open this link and confirm: it tells the organiser and stops the escalation to others in your role: {0}",
        AckButton = "I am responding",
        AckButtonNote = "(one click tells the organiser and stops the escalation to others in your role)",
        ReminderSubject = "REMINDER: ",
        SubjectFormat = "{0}: {1} in {2} (ref {3})",
        SubjectKinds = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ResolvedKind] = "RESOLVED",
            [UpdateKind] = "UPDATE",
            [DuressKind] = "DURESS SIGNAL",
        },
        DraftIntro = "Below is the updated draft statement (also attached as .docx and .md). Verify every fact before publishing.",
        FingerprintFormat = "Record fingerprint, keep this email: entry {0}, SHA-256 {1}. The alert's record (api/alerts/{2}/record) "
            + "must show this hash at entry {0}; if it does not, the record was changed after this email.",
        SomeoneNoticeFormat = "RapidResponse: someone is responding to your alert {0}.",
        UpdateFormat = "RapidResponse update, ref {0}: {1}.",
        ResolutionFormat = "RapidResponse: ref {0} is resolved ({1}).",
        StandingBy = " Thank you for standing by.",
        DuressFormat = "RapidResponse ref {0} was called off under duress: the organiser is likely still in danger. "
            + "Treat the alert as active. Do not call or text the organiser's phone.",
    };

    public static readonly FollowUpTexts Russian = new()
    {
        Language = "ru",
        DuressPrefix = "СИГНАЛ ПОД ДАВЛЕНИЕМ: ",
        SilentPrefix = "ТИХИЙ, не звоните и не пишите организатору: ",
        ReminderPrefix = "НАПОМИНАНИЕ, ответа нет: ",
        RespondingReminderFormat = "НАПОМИНАНИЕ, уже откликнулись: {0}. Нужна ещё помощь: ",
        ShortReminderPrefix = "НАПОМИНАНИЕ, нужна ещё помощь: ",
        NobodyNamed = "организатор",
        NoPlace = "место не указано",
        FormatTime = at => at.UtcDateTime.ToString("HH:mm 'UTC' dd.MM", CultureInfo.InvariantCulture),
        StatusWords = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["still-held"] = "всё ещё задержаны",
            ["charged"] = "предъявлено обвинение",
            ["released"] = "освобождены",
            ["injured"] = "есть пострадавшие",
            ["safe"] = "все в безопасности",
            ["false-alarm"] = "ложная тревога",
            ["other"] = "другое",
        },
        RoleWords = new Dictionary<ContactRole, string>
        {
            [ContactRole.Lawyer] = "адвокат",
            [ContactRole.Ngo] = "НКО",
            [ContactRole.Journalist] = "журналист",
            [ContactRole.Diplomat] = "дипломат",
            [ContactRole.Ally] = "союзник",
        },
        ThanksFormat = "RapidResponse: спасибо, {0}. Вы откликнулись на тревогу №{1}.",
        WhereLabel = "Где: ",
        WhenLabel = "Когда: ",
        MessageLabel = "Сообщение: ",
        QuoteFormat = "«{0}»",
        EventLabel = "Мероприятие: ",
        OrganizerSharedFormat = "Организатор: {0}, {1}.",
        OrganizerWithheld = "Номер организатора не передаётся; ему сообщили, что вы едете.",
        NoticeFormat = "RapidResponse: {0} ({1}) откликается на вашу тревогу №{2}.",
        GreetingFormat = "Здравствуйте, {0}!",
        AckLineFormat = "Откликаетесь? Откройте ссылку и подтвердите: организатор узнает об этом, а эскалация другим в вашей роли остановится: {0}",
        AckButton = "Я откликаюсь",
        AckButtonNote = "(одно нажатие сообщит организатору и остановит эскалацию другим в вашей роли)",
        ReminderSubject = "НАПОМИНАНИЕ: ",
        SubjectFormat = "{0}: {1} ({2}), сигнал {3}",
        SubjectKinds = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ResolvedKind] = "ЗАКРЫТО",
            [UpdateKind] = "НОВОСТИ",
            [DuressKind] = "СИГНАЛ ПОД ДАВЛЕНИЕМ",
        },
        DraftIntro = "Ниже — обновлённый проект заявления (также во вложении в форматах .docx и .md). Проверьте каждый факт перед публикацией.",
        FingerprintFormat = "Отпечаток записи, сохраните это письмо: запись {0}, SHA-256 {1}. В записи тревоги (api/alerts/{2}/record) "
            + "у записи {0} должен быть этот хеш; если нет, запись изменили после этого письма.",
        SomeoneNoticeFormat = "RapidResponse: на вашу тревогу №{0} откликнулся помощник.",
        UpdateFormat = "RapidResponse, новости по №{0}: {1}.",
        ResolutionFormat = "RapidResponse: тревога №{0} закрыта ({1}).",
        StandingBy = " Спасибо, что были на связи.",
        DuressFormat = "Тревогу RapidResponse №{0} отменили под принуждением: организатор, вероятно, всё ещё в опасности. "
            + "Считайте тревогу активной. Не звоните и не пишите на телефон организатора.",
    };

    private FollowUpTexts()
    {
    }

    /// <summary>Put before the alert SMS and email subject once the duress code was used.</summary>
    public string DuressPrefix { get; private init; } = "";

    /// <summary>Starts the alert SMS of a silent alert: someone may be watching the organizer's phone.</summary>
    public string SilentPrefix { get; private init; } = "";


    /// <summary>Put before the alert email's subject when it is sent again to a tier nobody of which has responded.</summary>
    public string ReminderSubject { get; private init; } = "";

    /// <summary>"en", "ru" or "kk": the language these texts are in.</summary>
    public string Language { get; private init; } = "";

    /// <summary>Introduces the updated statement draft in a follow-up email to an NGO.</summary>
    public string DraftIntro { get; private init; } = "";

    private string ReminderPrefix { get; init; } = "";
    private string RespondingReminderFormat { get; init; } = "";

    /// <summary>True whoever has responded; for an SMS with no room to name them (its page does).</summary>
    private string ShortReminderPrefix { get; init; } = "";
    private string NobodyNamed { get; init; } = "";
    private string NoPlace { get; init; } = "";
    private Func<DateTimeOffset, string> FormatTime { get; init; } = at => at.ToString("u", CultureInfo.InvariantCulture);
    private IReadOnlyDictionary<string, string> StatusWords { get; init; } = new Dictionary<string, string>();
    private IReadOnlyDictionary<ContactRole, string> RoleWords { get; init; } = new Dictionary<ContactRole, string>();
    private string ThanksFormat { get; init; } = "";
    private string WhereLabel { get; init; } = "";
    private string WhenLabel { get; init; } = "";
    private string MessageLabel { get; init; } = "";
    private string QuoteFormat { get; init; } = "";
    private string EventLabel { get; init; } = "";
    private string OrganizerSharedFormat { get; init; } = "";
    private string OrganizerWithheld { get; init; } = "";
    private string NoticeFormat { get; init; } = "";
    private string GreetingFormat { get; init; } = "";
    private string AckLineFormat { get; init; } = "";
    private string AckButton { get; init; } = "";
    private string AckButtonNote { get; init; } = "";
    private string SubjectFormat { get; init; } = "";
    private IReadOnlyDictionary<string, string> SubjectKinds { get; init; } = new Dictionary<string, string>();
    private string FingerprintFormat { get; init; } = "";
    private string SomeoneNoticeFormat { get; init; } = "";
    private string UpdateFormat { get; init; } = "";
    private string ResolutionFormat { get; init; } = "";
    private string StandingBy { get; init; } = "";
    private string DuressFormat { get; init; } = "";

    public static FollowUpTexts For(string? language) => language switch
    {
        "kk" => Kazakh,
        "ru" => Russian,
        _ => English,
    };

    /// <summary>Everything a lawyer needs on the way: every name, the place and map link, the message, the organizer's phone if shared.</summary>
    public string Confirmation(Alert alert, string responder, Organizer? organizer)
    {
        // The organizer's phone comes right after the thanks: a text cut to fit an SMS loses its tail, never the number.
        var text = new StringBuilder()
            .Append(Format(ThanksFormat, responder, AlertFactsText.Reference(alert))).Append(' ')
            .Append(organizer is { SharePhone: true, Phone: { } phone } ? Format(OrganizerSharedFormat, organizer.Name, phone) : OrganizerWithheld)
            .Append(' ')
            .Append(Incident(alert)).Append(": ").Append(Sentences.End(Who(alert))).Append(' ')
            .Append(WhereLabel).Append(Sentences.End(Place(alert))).Append(' ').Append(WhenLabel).Append(FormatTime(alert.OccurredAt)).Append('.');
        if (!string.IsNullOrWhiteSpace(alert.Message))
        {
            text.Append(' ').Append(MessageLabel).Append(Format(QuoteFormat, alert.Message)).Append('.');
        }

        if (alert.EventName is { } eventName)
        {
            text.Append(' ').Append(EventLabel).Append(Sentences.End(eventName));
        }

        return text.ToString();
    }

    /// <summary>To the organizer: who is coming, by first name and role (without them when the responder's row is gone).</summary>
    public string Notice(Alert alert, string? firstName, ContactRole? role) =>
        firstName is not null && role is { } known
            ? Format(NoticeFormat, firstName, RoleWords.GetValueOrDefault(known, known.ToWire()), AlertFactsText.Reference(alert))
            : Format(SomeoneNoticeFormat, AlertFactsText.Reference(alert));

    /// <summary>
    /// Put before a reminder SMS: "nobody has responded" only while that is true; once someone of another role has,
    /// who is responding (by first name and role, as the organizer is told), and that more help is needed.
    /// </summary>
    public string Reminder(IReadOnlyList<Acknowledgement> acknowledged) =>
        acknowledged.Count == 0
            ? ReminderPrefix
            : Format(RespondingReminderFormat, string.Join(", ", acknowledged.Select(a => $"{a.FirstName} ({RoleWords.GetValueOrDefault(a.Role, a.Role.ToWire())})")));

    /// <summary>The reminder lines an SMS may start with, the fullest first: the one that fits is sent (SmsFit.FirstThatFits).</summary>
    public IEnumerable<string> ReminderLeads(IReadOnlyList<Acknowledgement> acknowledged) =>
        [Reminder(acknowledged), ShortReminderPrefix.Length > 0 ? ShortReminderPrefix : ReminderSubject]; // a language without the short line: its subject's "REMINDER: "

    public string UpdateSms(Alert alert, string status, string? text) =>
        Format(UpdateFormat, AlertFactsText.Reference(alert), Words(status)) + Quote(text);

    public string ResolutionSms(Alert alert, string outcome, string? text) =>
        Format(ResolutionFormat, AlertFactsText.Reference(alert), Words(outcome)) + Quote(text) + StandingBy;

    public string DuressSms(Alert alert) => DuressPrefix + Format(DuressFormat, AlertFactsText.Reference(alert));

    /// <summary>Where the alert's hash-chained record stood when this was written: for the recipient to keep.</summary>
    public string Fingerprint(Alert alert, RecordHead head) => Format(FingerprintFormat, head.Seq, head.Hash, alert.Id);

    /// <summary>The first line of an email, as the alert email's own greeting.</summary>
    public string Greeting(string name) => Format(GreetingFormat, name);

    /// <summary>
    /// "RESOLVED: detention in Shymkent (ref 7F3K2Q)": what a follow-up email is, about which alert (any other kind
    /// reads "RapidResponse"); <paramref name="place"/> is the region's name in <see cref="Language"/> (StatementService.PlaceName).
    /// </summary>
    public string Subject(string kind, Alert alert, string place) => Format(
        SubjectFormat,
        SubjectKinds.GetValueOrDefault(kind, "RapidResponse"),
        Placeholders.Incident(alert.Incident, Language),
        place,
        AlertFactsText.Reference(alert));

    /// <summary>The one-click acknowledgement link, as the first line of an alert email (text), and as a button (HTML).</summary>
    public string AckLine(Uri link) => Format(AckLineFormat, Text(link));

    public string AckHtml(Uri link) =>
        $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(Text(link))}\">{System.Net.WebUtility.HtmlEncode(AckButton)}</a> {System.Net.WebUtility.HtmlEncode(AckButtonNote)}</p>";

    // A batch's body carries a relative placeholder the provider replaces with each recipient's link.
    private static string Text(Uri link) => link.IsAbsoluteUri ? link.AbsoluteUri : link.OriginalString;

    private string Incident(Alert alert) => Placeholders.Incident(alert.Incident, Language).ToUpperInvariant();

    private string Who(Alert alert) =>
        alert.People.Count == 0
            ? NobodyNamed
            : string.Join(", ", alert.People.Select(p => p.Role is null ? p.Name : $"{p.Name} ({p.Role})"));

    private string Place(Alert alert) =>
        (alert.Location?.Text, AlertFactsText.MapLink(alert)) switch
        {
            ({ } place, { } link) => $"{place} {link}",
            ({ } place, null) => place,
            (null, { } link) => link,
            _ => NoPlace,
        };

    private string Words(string wire) => StatusWords.GetValueOrDefault(wire, wire.Replace('-', ' '));

    private string Quote(string? text) => string.IsNullOrWhiteSpace(text) ? "" : " " + Format(QuoteFormat, text);

    private static string Format(string format, params object?[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
