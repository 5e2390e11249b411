using System.Globalization;
using RapidResponse.Contacts;

namespace RapidResponse.Statements;

/// <summary>The Kazakh texts of what follows an alert: formal (сіз), as the alert SMS.</summary>
public sealed partial class FollowUpTexts
{
    public static readonly FollowUpTexts Kazakh = new()
    {
        Language = "kk",
        DuressPrefix = "МӘЖБҮРЛЕУ СИГНАЛЫ: ",
        SilentPrefix = "ҮНСІЗ, ұйымдастырушыға қоңырау шалмаңыз, хат жазбаңыз: ",
        ReminderPrefix = "ЕСКЕ САЛУ, әлі ешкім жауап бермеді: ",
        RespondingReminderFormat = "ЕСКЕ САЛУ, жауап бергендер: {0}. Тағы көмек керек: ",
        NobodyNamed = "ұйымдастырушы",
        NoPlace = "орны көрсетілмеген",
        FormatTime = at => at.UtcDateTime.ToString("HH:mm 'UTC' dd.MM", CultureInfo.InvariantCulture),
        StatusWords = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["still-held"] = "әлі ұсталып отыр",
            ["charged"] = "айып тағылды",
            ["released"] = "босатылды",
            ["injured"] = "зардап шеккендер бар",
            ["safe"] = "бәрі қауіпсіз",
            ["false-alarm"] = "жалған дабыл",
            ["other"] = "басқа",
        },
        RoleWords = new Dictionary<ContactRole, string>
        {
            [ContactRole.Lawyer] = "адвокат",
            [ContactRole.Ngo] = "ҮЕҰ",
            [ContactRole.Journalist] = "журналист",
            [ContactRole.Diplomat] = "дипломат",
            [ContactRole.Ally] = "одақтас",
        },
        ThanksFormat = "RapidResponse: рақмет, {0}. Сіз №{1} дабылына жауап бердіңіз.",
        WhereLabel = "Қайда: ",
        WhenLabel = "Қашан: ",
        MessageLabel = "Хабарлама: ",
        QuoteFormat = "«{0}»",
        EventLabel = "Іс-шара: ",
        OrganizerSharedFormat = "Ұйымдастырушы: {0}, {1}.",
        OrganizerWithheld = "Ұйымдастырушының нөмірі берілмейді; оған сіздің келе жатқаныңыз хабарланды.",
        NoticeFormat = "RapidResponse: {0} ({1}) сіздің №{2} дабылыңызға жауап берді.",
        GreetingFormat = "Құрметті {0}!",
        AckLineFormat = "Жауап бересіз бе? Сілтемені ашып, растаңыз: ұйымдастырушы бұл туралы біледі, ал сіздің рөліңіздегі басқаларға эскалация тоқтайды: {0}",
        AckButton = "Мен жауап беремін",
        AckButtonNote = "(бір рет басу ұйымдастырушыға хабарлайды және сіздің рөліңіздегі басқаларға эскалацияны тоқтатады)",
        ReminderSubject = "ЕСКЕ САЛУ: ",
        SubjectFormat = "{0}: {1} ({2}), дабыл {3}",
        SubjectKinds = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ResolvedKind] = "ЖАБЫЛДЫ",
            [UpdateKind] = "ЖАҢАЛЫҚ",
            [DuressKind] = "МӘЖБҮРЛЕУ СИГНАЛЫ",
        },
        DraftIntro = "Төменде мәлімдеменің жаңартылған жобасы берілген (тіркемеде .docx және .md форматтарында да бар). Жарияламас бұрын әрбір фактіні тексеріңіз.",
        FingerprintFormat = "Жазба ізі, бұл хатты сақтаңыз: {0}-жазба, SHA-256 {1}. Дабыл жазбасында (api/alerts/{2}/record) "
            + "{0}-жазбаның хеші осы болуы керек; олай болмаса, жазба осы хаттан кейін өзгертілген.",
        SomeoneNoticeFormat = "RapidResponse: сіздің №{0} дабылыңызға көмекші жауап берді.",
        UpdateFormat = "RapidResponse, №{0} бойынша жаңалық: {1}.",
        ResolutionFormat = "RapidResponse: №{0} дабылы жабылды ({1}).",
        StandingBy = " Байланыста болғаныңызға рақмет.",
        DuressFormat = "RapidResponse №{0} дабылы мәжбүрлеумен тоқтатылды: ұйымдастырушы әлі де қауіпте болуы мүмкін. "
            + "Дабылды белсенді деп санаңыз. Ұйымдастырушының телефонына қоңырау шалмаңыз, хат жазбаңыз.",
    };
}
