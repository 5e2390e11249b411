namespace RapidResponse.Statements;

/// <summary>
/// The fixed words of an alert email in one language: the greeting, the introduction, the facts' labels, the lead
/// into the draft and the subject. The text around them is built by <see cref="StatementAlertComposer"/> and
/// <see cref="EmailFacts"/>; a new language is one more instance here.
/// </summary>
public sealed record EmailWords(
    string Language,
    string GreetingFormat,
    string Intro,
    string NgoLead,
    string DiplomatLead,
    string Act,
    string NotPublic,
    EmailLabels Labels,
    string NgoSubjectFormat,
    string SubjectFormat)
{
    public static readonly EmailWords English = new(
        "en",
        "Dear {0},",
        "An organiser has raised an alert through RapidResponse. The facts as reported:",
        "Below is a draft statement (also attached as .docx and .md). Verify every fact before publishing.",
        "Below is a notice for your mission.",
        "Please act now: a public response within hours protects people who are detained.",
        "not for publication",
        new("Incident", "Who", "Where", "Map", "When", "Event", "Organiser's message", "Reference"),
        "URGENT: {0} in {1}: draft statement inside (ref {2})",
        "URGENT: {0} in {1}: human-rights defenders at risk (ref {2})");

    public static readonly EmailWords Russian = new(
        "ru",
        "Здравствуйте, {0}!",
        "Организатор подал сигнал тревоги через RapidResponse. Факты по его сообщению:",
        "Ниже — черновик заявления (также во вложении в форматах .docx и .md). Проверьте каждый факт перед публикацией.",
        "Ниже — уведомление для вашего представительства.",
        "Пожалуйста, действуйте сейчас: публичная реакция в первые часы защищает задержанных.",
        "не для публикации",
        new("Инцидент", "Кто", "Где", "Карта", "Когда", "Мероприятие", "Сообщение организатора", "Номер сигнала"),
        "СРОЧНО: {0} ({1}), черновик заявления внутри (сигнал {2})",
        "СРОЧНО: {0} ({1}), правозащитники в опасности (сигнал {2})");

    public static readonly EmailWords Kazakh = new(
        "kk",
        "Құрметті {0}!",
        "Ұйымдастырушы RapidResponse арқылы дабыл көтерді. Оның хабарлауы бойынша фактілер:",
        "Төменде мәлімдеменің жобасы берілген (тіркемеде .docx және .md форматтарында да бар). Жарияламас бұрын әрбір фактіні тексеріңіз.",
        "Төменде сіздің өкілдігіңізге арналған хабарлама берілген.",
        "Қазір әрекет етуіңізді сұраймыз: алғашқы сағаттардағы қоғамдық үн ұсталғандарды қорғайды.",
        "жариялауға болмайды",
        new("Оқиға", "Кім", "Қайда", "Карта", "Қашан", "Іс-шара", "Ұйымдастырушының хабарламасы", "Дабыл нөмірі"),
        "ШҰҒЫЛ: {0} ({1}), ішінде мәлімдеме жобасы бар (дабыл {2})",
        "ШҰҒЫЛ: {0} ({1}), құқық қорғаушылар қауіпте (дабыл {2})");

    /// <summary>The words of <paramref name="language"/>, which is a draft's language (StatementService.LanguageFor), so never a language without them.</summary>
    public static EmailWords For(string language) => language switch
    {
        "kk" => Kazakh,
        "ru" => Russian,
        _ => English,
    };
}

/// <summary>The labels of the facts that open an alert email (<see cref="EmailFacts"/>).</summary>
public sealed record EmailLabels(string Incident, string Who, string Where, string Map, string When, string Event, string Message, string Reference);
