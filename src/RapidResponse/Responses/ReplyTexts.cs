using System.Globalization;

namespace RapidResponse.Responses;

/// <summary>
/// What the service number answers an inbound SMS, in the writer's language: the language of the last alert sent to
/// the number, or the organizer's for a panic; English for a number the service does not know.
/// </summary>
public sealed record ReplyTexts(
    string Help,
    string Stop,
    string Start,
    string NoOpenAlert,
    string Declined,
    string Unclear,
    string RaisedFormat)
{
    public static readonly ReplyTexts English = new(
        "RapidResponse alerts for human-rights defenders. Reply YES to an alert to respond. Reply STOP to stop these messages. Contact your coordinator for help.",
        "RapidResponse: you will get no more SMS or WhatsApp messages from this service. Reply START to receive alerts again.",
        "RapidResponse: you will receive alerts again.",
        "RapidResponse: no open alert to answer. Reply HELP for help.",
        "RapidResponse: thank you, noted that you can't go. Others are being asked.",
        "RapidResponse: not understood. Reply YES to respond, NO if you can't go, STOP to stop these messages.",
        "RapidResponse: alert raised, ref {0}. Help is being contacted.");

    public static readonly ReplyTexts Russian = new(
        "RapidResponse: сигналы тревоги для правозащитников. Ответьте ДА на тревогу, чтобы откликнуться. Ответьте STOP, чтобы отписаться. За помощью обратитесь к координатору.",
        "RapidResponse: SMS и сообщения WhatsApp от этого сервиса больше не придут. Ответьте START, чтобы снова получать тревоги.",
        "RapidResponse: вы снова будете получать тревоги.",
        "RapidResponse: нет открытой тревоги, на которую можно ответить. Ответьте ПОМОЩЬ для справки.",
        "RapidResponse: спасибо, отмечено, что вы не можете поехать. Мы спрашиваем других.",
        "RapidResponse: не понято. Ответьте ДА, если откликаетесь, НЕТ, если не можете, STOP, чтобы отписаться.",
        "RapidResponse: тревога поднята, №{0}. Помощь уже вызывают.");

    public static readonly ReplyTexts Kazakh = new(
        "RapidResponse: құқық қорғаушыларға арналған дабыл қызметі. Дабылға жауап беру үшін ИӘ деп жазыңыз. Хабарламаларды тоқтату үшін STOP деп жазыңыз. Көмек керек болса, үйлестірушіңізге хабарласыңыз.",
        "RapidResponse: бұл қызметтен енді SMS келмейді. Дабылдарды қайта алу үшін START деп жазыңыз.",
        "RapidResponse: сізге дабылдар қайта келеді.",
        "RapidResponse: жауап беретін ашық дабыл жоқ. Анықтама алу үшін КӨМЕК деп жазыңыз.",
        "RapidResponse: рақмет, бара алмайтыныңыз белгіленді. Басқалардан сұрап жатырмыз.",
        "RapidResponse: түсініксіз. Жауап берсеңіз ИӘ, бара алмасаңыз ЖОҚ, хабарламаларды тоқтату үшін STOP деп жазыңыз.",
        "RapidResponse: дабыл көтерілді, №{0}. Көмекке хабарласып жатырмыз.");

    public static ReplyTexts For(string? language) => language switch
    {
        "kk" => Kazakh,
        "ru" => Russian,
        _ => English,
    };

    public string Raised(string reference) => string.Format(CultureInfo.InvariantCulture, RaisedFormat, reference);
}
