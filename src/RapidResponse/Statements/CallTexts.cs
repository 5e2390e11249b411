using System.Globalization;
using RapidResponse.Alerts;

namespace RapidResponse.Statements;

/// <summary>
/// What an escalation call says, in the words and voice of the contact's language. Twilio's <c>&lt;Say&gt;</c> has
/// Russian and English voices; no Kazakh voice is listed for it (docs/OPERATIONS.md), so Kazakh contacts hear Russian.
/// The place is read without the map link (it is in the SMS); the organizer's phone is never named.
/// </summary>
public sealed class CallTexts
{
    private static readonly CallTexts English = new()
    {
        Language = "en-US",
        Voice = "Polly.Joanna",
        IntroFormat = "RapidResponse emergency alert, reference {0}.",
        FactsFormat = "{0}. People at risk: {1}. Where: {2}. When: {3}.",
        MessageFormat = "The organiser says: {0}.",
        Again = "Again.",
        Prompt = "Press 1 if you are responding. Press 2 if you cannot.",
        Acknowledged = "Thank you. The organiser is told you are responding. The details follow by SMS.",
        Declined = "Thank you. Others are being alerted.",
        Closed = "This alert has been resolved. Nothing more is needed. Goodbye.",
        NoAnswer = "No key was pressed. The alert is in your SMS. Goodbye.",
        NobodyNamed = "not named",
        NoPlace = "not given",
    };

    private static readonly CallTexts Russian = new()
    {
        Language = "ru-RU",
        Voice = "Polly.Tatyana",
        IntroFormat = "Экстренная тревога RapidResponse, номер {0}.",
        FactsFormat = "{0}. Под угрозой: {1}. Где: {2}. Когда: {3}.",
        MessageFormat = "Организатор сообщает: {0}.",
        Again = "Повторяю.",
        Prompt = "Нажмите 1, если вы откликаетесь. Нажмите 2, если не можете.",
        Acknowledged = "Спасибо. Организатору сообщили, что вы едете. Подробности придут по SMS.",
        Declined = "Спасибо. Мы оповещаем других.",
        Closed = "Эта тревога закрыта. Больше ничего не нужно. До свидания.",
        NoAnswer = "Вы ничего не нажали. Тревога в вашем SMS. До свидания.",
        NobodyNamed = "не названы",
        NoPlace = "не указано",
    };

    private CallTexts()
    {
    }

    /// <summary>The <c>&lt;Say language&gt;</c> code: <c>en-US</c> or <c>ru-RU</c>.</summary>
    public string Language { get; private init; } = "";

    /// <summary>The <c>&lt;Say voice&gt;</c>: an Amazon Polly voice Twilio offers for <see cref="Language"/>.</summary>
    public string Voice { get; private init; } = "";

    public string Again { get; private init; } = "";
    public string Prompt { get; private init; } = "";
    public string Acknowledged { get; private init; } = "";
    public string Declined { get; private init; } = "";
    public string Closed { get; private init; } = "";
    public string NoAnswer { get; private init; } = "";

    private string IntroFormat { get; init; } = "";
    private string FactsFormat { get; init; } = "";
    private string MessageFormat { get; init; } = "";
    private string NobodyNamed { get; init; } = "";
    private string NoPlace { get; init; } = "";

    /// <summary>English for <c>en</c>; Russian for <c>ru</c> and <c>kk</c> (no Kazakh voice), and for anything else a contact may carry.</summary>
    public static CallTexts For(string? language) => language == "en" ? English : Russian;

    /// <summary>
    /// Incident, who, where, when, and the organizer's message, after the same lead as the SMS (silent: do not call
    /// or text the organizer; a duress signal), from <see cref="FollowUpTexts"/>.
    /// </summary>
    public string Alert(Alert alert)
    {
        var language = Language[..2];
        var sms = FollowUpTexts.For(language);
        var lead = alert.DuressAt is not null ? sms.DuressPrefix : alert.Silent ? sms.SilentPrefix : "";
        var who = alert.People.Count == 0 ? NobodyNamed : string.Join(", ", alert.People.Select(p => p.Name));
        var text = lead.TrimEnd(' ', ':') + (lead.Length > 0 ? ". " : "")
            + Format(IntroFormat, string.Join(' ', AlertFactsText.Reference(alert).ToCharArray())) + " "
            + Format(FactsFormat, Placeholders.Incident(alert.Incident, language), who, alert.Location?.Text ?? NoPlace, Placeholders.Time(alert.OccurredAt));
        return string.IsNullOrWhiteSpace(alert.Message) ? text : text + " " + Format(MessageFormat, alert.Message);
    }

    private static string Format(string format, params object?[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
