using System.Globalization;
using System.Text;
using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Organizers;

namespace RapidResponse.Statements;

/// <summary>
/// The texts of what follows an alert, in the recipient's language (English, or Russian for <c>ru</c>, as the alert
/// SMS itself): the responder's confirmation, reminders, updates and the resolution, the duress signal, and the
/// organizer's "who is coming". Short, like the alert SMS: a Cyrillic segment holds 67 characters.
/// </summary>
public sealed class FollowUpTexts
{
    /// <summary>What a follow-up email's subject calls it (<see cref="Subject"/>).</summary>
    public const string ResolvedKind = "resolved";
    public const string UpdateKind = "update";
    public const string DuressKind = "duress";

    public static readonly FollowUpTexts English = new(
        language: "en",
        duressPrefix: "DURESS SIGNAL: ",
        reminderPrefix: "REMINDER, nobody has responded yet: ",
        nobodyNamed: "the organiser",
        noPlace: "place not given",
        when: at => at.UtcDateTime.ToString("HH:mm 'UTC' d MMM", CultureInfo.InvariantCulture),
        words: new Dictionary<string, string>(StringComparer.Ordinal),
        roles: new Dictionary<ContactRole, string>(),
        thanks: "RapidResponse: thank you, {0}. You are responding to ref {1}.",
        where: "Where: ",
        whenLabel: "When: ",
        messageLabel: "Message: ",
        quote: "\"{0}\"",
        eventLabel: "Event: ",
        organizerShared: "Organiser: {0}, {1}.",
        organizerWithheld: "The organiser's number is not shared; they have been told you are coming.",
        notice: "RapidResponse: {0} ({1}) is responding to your alert {2}.",
        greeting: "Dear {0},",
        ackLine: "Responding? Open this link and confirm: it tells the organiser and stops the escalation to others in your role: {0}",
        ackButton: "I am responding",
        ackButtonNote: "(one click tells the organiser and stops the escalation to others in your role)",
        reminderSubject: "REMINDER: ",
        subject: "{0}: {1} in {2} (ref {3})",
        subjectKinds: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ResolvedKind] = "RESOLVED",
            [UpdateKind] = "UPDATE",
            [DuressKind] = "DURESS SIGNAL",
        },
        draftIntro: "Below is the updated draft statement. Verify every fact before publishing.",
        fingerprint: "Record fingerprint, keep this email: entry {0}, SHA-256 {1}. The alert's record (api/alerts/{2}/record) "
            + "must show this hash at entry {0}; if it does not, the record was changed after this email.",
        someoneNotice: "RapidResponse: someone is responding to your alert {0}.",
        update: "RapidResponse update, ref {0}: {1}.",
        resolution: "RapidResponse: ref {0} is resolved ({1}).",
        standingBy: " Thank you for standing by.",
        duress: "RapidResponse ref {0} was called off under duress: the organiser is likely still in danger. "
            + "Treat the alert as active. Do not call or text the organiser's phone.");

    public static readonly FollowUpTexts Russian = new(
        language: "ru",
        duressPrefix: "СИГНАЛ ПОД ДАВЛЕНИЕМ: ",
        reminderPrefix: "НАПОМИНАНИЕ, ответа нет: ",
        nobodyNamed: "организатор",
        noPlace: "место не указано",
        when: at => at.UtcDateTime.ToString("HH:mm 'UTC' dd.MM", CultureInfo.InvariantCulture),
        words: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["still-held"] = "всё ещё задержаны",
            ["charged"] = "предъявлено обвинение",
            ["released"] = "освобождены",
            ["injured"] = "есть пострадавшие",
            ["safe"] = "все в безопасности",
            ["false-alarm"] = "ложная тревога",
            ["other"] = "другое",
        },
        roles: new Dictionary<ContactRole, string>
        {
            [ContactRole.Lawyer] = "адвокат",
            [ContactRole.Ngo] = "НКО",
            [ContactRole.Journalist] = "журналист",
            [ContactRole.Diplomat] = "дипломат",
            [ContactRole.Ally] = "союзник",
        },
        thanks: "RapidResponse: спасибо, {0}. Вы откликнулись на тревогу №{1}.",
        where: "Где: ",
        whenLabel: "Когда: ",
        messageLabel: "Сообщение: ",
        quote: "«{0}»",
        eventLabel: "Мероприятие: ",
        organizerShared: "Организатор: {0}, {1}.",
        organizerWithheld: "Номер организатора не передаётся; ему сообщили, что вы едете.",
        notice: "RapidResponse: {0} ({1}) откликается на вашу тревогу №{2}.",
        greeting: "Здравствуйте, {0}!",
        ackLine: "Откликаетесь? Откройте ссылку и подтвердите: организатор узнает об этом, а эскалация другим в вашей роли остановится: {0}",
        ackButton: "Я откликаюсь",
        ackButtonNote: "(одно нажатие сообщит организатору и остановит эскалацию другим в вашей роли)",
        reminderSubject: "НАПОМИНАНИЕ: ",
        subject: "{0}: {1} ({2}), сигнал {3}",
        subjectKinds: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ResolvedKind] = "ЗАКРЫТО",
            [UpdateKind] = "НОВОСТИ",
            [DuressKind] = "СИГНАЛ ПОД ДАВЛЕНИЕМ",
        },
        draftIntro: "Ниже — обновлённый проект заявления. Проверьте каждый факт перед публикацией.",
        fingerprint: "Отпечаток записи, сохраните это письмо: запись {0}, SHA-256 {1}. В записи тревоги (api/alerts/{2}/record) "
            + "у записи {0} должен быть этот хеш; если нет, запись изменили после этого письма.",
        someoneNotice: "RapidResponse: на вашу тревогу №{0} откликнулся помощник.",
        update: "RapidResponse, новости по №{0}: {1}.",
        resolution: "RapidResponse: тревога №{0} закрыта ({1}).",
        standingBy: " Спасибо, что были на связи.",
        duress: "Тревогу RapidResponse №{0} отменили под принуждением: организатор, вероятно, всё ещё в опасности. "
            + "Считайте тревогу активной. Не звоните и не пишите на телефон организатора.");

    private readonly string greeting;
    private readonly string ackLine;
    private readonly string ackButton;
    private readonly string ackButtonNote;
    private readonly string subject;
    private readonly IReadOnlyDictionary<string, string> subjectKinds;
    private readonly string fingerprint;
    private readonly string language;
    private readonly string nobodyNamed;
    private readonly string noPlace;
    private readonly Func<DateTimeOffset, string> when;
    private readonly IReadOnlyDictionary<string, string> words;
    private readonly IReadOnlyDictionary<ContactRole, string> roles;
    private readonly string thanks;
    private readonly string where;
    private readonly string whenLabel;
    private readonly string messageLabel;
    private readonly string quote;
    private readonly string eventLabel;
    private readonly string organizerShared;
    private readonly string organizerWithheld;
    private readonly string notice;
    private readonly string someoneNotice;
    private readonly string update;
    private readonly string resolution;
    private readonly string standingBy;
    private readonly string duress;

    private FollowUpTexts(
        string language,
        string duressPrefix,
        string reminderPrefix,
        string nobodyNamed,
        string noPlace,
        Func<DateTimeOffset, string> when,
        IReadOnlyDictionary<string, string> words,
        IReadOnlyDictionary<ContactRole, string> roles,
        string thanks,
        string where,
        string whenLabel,
        string messageLabel,
        string quote,
        string eventLabel,
        string organizerShared,
        string organizerWithheld,
        string notice,
        string greeting,
        string ackLine,
        string ackButton,
        string ackButtonNote,
        string reminderSubject,
        string subject,
        IReadOnlyDictionary<string, string> subjectKinds,
        string draftIntro,
        string fingerprint,
        string someoneNotice,
        string update,
        string resolution,
        string standingBy,
        string duress)
    {
        DuressPrefix = duressPrefix;
        ReminderPrefix = reminderPrefix;
        DraftIntro = draftIntro;
        this.fingerprint = fingerprint;
        this.greeting = greeting;
        this.ackLine = ackLine;
        this.ackButton = ackButton;
        this.ackButtonNote = ackButtonNote;
        ReminderSubject = reminderSubject;
        this.subject = subject;
        this.subjectKinds = subjectKinds;
        this.language = language;
        this.nobodyNamed = nobodyNamed;
        this.noPlace = noPlace;
        this.when = when;
        this.words = words;
        this.roles = roles;
        this.thanks = thanks;
        this.where = where;
        this.whenLabel = whenLabel;
        this.messageLabel = messageLabel;
        this.quote = quote;
        this.eventLabel = eventLabel;
        this.organizerShared = organizerShared;
        this.organizerWithheld = organizerWithheld;
        this.notice = notice;
        this.someoneNotice = someoneNotice;
        this.update = update;
        this.resolution = resolution;
        this.standingBy = standingBy;
        this.duress = duress;
    }

    /// <summary>Put before the alert SMS and email subject once the duress code was used.</summary>
    public string DuressPrefix { get; }

    /// <summary>Put before the alert SMS sent again to a tier nobody of which has responded.</summary>
    public string ReminderPrefix { get; }

    /// <summary>Put before the alert email's subject when it is sent again to a tier nobody of which has responded.</summary>
    public string ReminderSubject { get; }

    /// <summary>Introduces the updated statement draft in a follow-up email to an NGO.</summary>
    public string DraftIntro { get; }

    public static FollowUpTexts For(string? language) => language == "ru" ? Russian : English;

    /// <summary>Everything a lawyer needs on the way: every name, the place and map link, the message, the organizer's phone if shared.</summary>
    public string Confirmation(Alert alert, string responder, Organizer? organizer)
    {
        var text = new StringBuilder()
            .Append(Format(thanks, responder, AlertFactsText.Reference(alert))).Append(' ')
            .Append(Incident(alert)).Append(": ").Append(Who(alert)).Append(". ")
            .Append(where).Append(Place(alert)).Append(". ").Append(whenLabel).Append(when(alert.OccurredAt)).Append('.');
        if (!string.IsNullOrWhiteSpace(alert.Message))
        {
            text.Append(' ').Append(messageLabel).Append(Format(quote, alert.Message)).Append('.');
        }

        if (alert.EventName is { } eventName)
        {
            text.Append(' ').Append(eventLabel).Append(eventName).Append('.');
        }

        text.Append(' ').Append(organizer is { SharePhone: true, Phone: { } phone }
            ? Format(organizerShared, organizer.Name, phone)
            : organizerWithheld);
        return text.ToString();
    }

    /// <summary>To the organizer: who is coming, by first name and role (without them when the responder's row is gone).</summary>
    public string Notice(Alert alert, string? firstName, ContactRole? role) =>
        firstName is not null && role is { } known
            ? Format(notice, firstName, roles.GetValueOrDefault(known, known.ToWire()), AlertFactsText.Reference(alert))
            : Format(someoneNotice, AlertFactsText.Reference(alert));

    public string UpdateSms(Alert alert, string status, string? text) =>
        Format(update, AlertFactsText.Reference(alert), Words(status)) + Quote(text);

    public string ResolutionSms(Alert alert, string outcome, string? text) =>
        Format(resolution, AlertFactsText.Reference(alert), Words(outcome)) + Quote(text) + standingBy;

    public string DuressSms(Alert alert) => DuressPrefix + Format(duress, AlertFactsText.Reference(alert));

    /// <summary>Where the alert's hash-chained record stood when this was written: for the recipient to keep.</summary>
    public string Fingerprint(Alert alert, RecordHead head) => Format(fingerprint, head.Seq, head.Hash, alert.Id);

    /// <summary>The first line of an email, as the alert email's own greeting.</summary>
    public string Greeting(string name) => Format(greeting, name);

    /// <summary>"RESOLVED: detention in KZ-SHY (ref 7F3K2Q)": what a follow-up email is, about which alert (any other kind reads "RapidResponse").</summary>
    public string Subject(string kind, Alert alert) => Format(
        subject,
        subjectKinds.GetValueOrDefault(kind, "RapidResponse"),
        Placeholders.Incident(alert.Incident, language),
        alert.Region,
        AlertFactsText.Reference(alert));

    /// <summary>The one-click acknowledgement link, as the first line of an alert email (text), and as a button (HTML).</summary>
    public string AckLine(Uri link) => Format(ackLine, link.AbsoluteUri);

    public string AckHtml(Uri link) =>
        $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(link.AbsoluteUri)}\">{System.Net.WebUtility.HtmlEncode(ackButton)}</a> {System.Net.WebUtility.HtmlEncode(ackButtonNote)}</p>";

    private string Incident(Alert alert) => Placeholders.Incident(alert.Incident, language).ToUpperInvariant();

    private string Who(Alert alert) =>
        alert.People.Count == 0
            ? nobodyNamed
            : string.Join(", ", alert.People.Select(p => p.Role is null ? p.Name : $"{p.Name} ({p.Role})"));

    private string Place(Alert alert) =>
        (alert.Location?.Text, AlertFactsText.MapLink(alert)) switch
        {
            ({ } place, { } link) => $"{place} {link}",
            ({ } place, null) => place,
            (null, { } link) => link,
            _ => noPlace,
        };

    private string Words(string wire) => words.GetValueOrDefault(wire, wire.Replace('-', ' '));

    private string Quote(string? text) => string.IsNullOrWhiteSpace(text) ? "" : " " + Format(quote, text);

    private static string Format(string format, params object?[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
