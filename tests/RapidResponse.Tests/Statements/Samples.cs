using RapidResponse.Alerts;
using RapidResponse.Statements;

namespace RapidResponse.Tests.Statements;

/// <summary>Fixed alerts for the statement tests: one with every fact, one with none, and the longest realistic one.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset At = new(2026, 5, 29, 14, 5, 0, TimeSpan.Zero);

    /// <summary>When the organizer sent an update: the day after <see cref="At"/>, so a draft dated with the alert's day is caught.</summary>
    public static readonly DateTimeOffset UpdatedAt = new(2026, 5, 30, 9, 30, 0, TimeSpan.Zero);

    public static Alert Full(Incident incident = Incident.Attack) => new(
        "01JD7X9Q4M2B7F3K2Q",
        "org-1",
        "KZ-SHY",
        incident,
        new Location(42.31551, 69.58693, 15, "City Hotel, Kazybek Bi St 14"),
        "About 30 men came in shouting; police took us to the car.",
        [new Person("Zhanar Sekerbayeva", "organiser", PublicName: true), new Person("Gulzada Serzhan", null, PublicName: false)],
        "Women's rights workshop",
        At,
        At.AddMinutes(1),
        Silent: false);

    public static Alert Minimal(Incident incident = Incident.Detention, string region = "KZ-SHY") => new(
        "01JD7X9Q4M2B7F3K2R", "org-1", region, incident, null, null, [], null, At, At, Silent: false);

    /// <summary>
    /// The longest inputs a real press is likely to carry: a 200-character place (the validator's limit), two long
    /// names with roles, and a 500-character message. Russian uses Cyrillic everywhere, so the SMS is UCS-2.
    /// </summary>
    public static Alert Longest(bool cyrillic) => new(
        "01JD7X9Q4M2B7F3K2S",
        "org-1",
        "KZ-SHY",
        Incident.Detention,
        new Location(42.315512, 69.586934, 15, cyrillic
            ? string.Concat(Enumerable.Repeat("гостиница «Сити», ул. Казыбек би 14, конференц-зал, 2 этаж; ", 4))[..200]
            : string.Concat(Enumerable.Repeat("City Hotel Shymkent, Kazybek Bi street 14, conference hall, 2nd floor; ", 4))[..200]),
        string.Concat(Enumerable.Repeat(cyrillic ? "Полиция забрала нас в машину, везут в отдел. " : "Police pushed us into a car, taking us to the station. ", 12))[..500],
        cyrillic
            ? [new Person("Айгерим Нурлановна Сейткалиева-Бекова", "организатор", true), new Person("Гульзада Сержанкызы Абдукаримова", "юрист", false)]
            : [new Person("Aigerim Nurlanovna Seitkaliyeva-Bekova", "organiser", true), new Person("Gulzada Serzhankyzy Abdukarimova", "lawyer", false)],
        cyrillic ? "Семинар о правах женщин и защите от дискриминации" : "Workshop on women's rights and protection from discrimination",
        At,
        At,
        Silent: false);

    /// <summary>The longest realistic alert in Kazakh: its letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і) are UCS-2 like Cyrillic.</summary>
    public static Alert LongestKazakh() => Longest(cyrillic: true) with
    {
        Location = new Location(42.315512, 69.586934, 15, string.Concat(Enumerable.Repeat("«Сити» қонақүйі, Қазыбек би көшесі 14, мәжіліс залы, 2-қабат; ", 4))[..200]),
        Message = string.Concat(Enumerable.Repeat("Полиция бізді көлікке отырғызды, бөлімшеге әкетіп барады. ", 10))[..500],
        People = [new Person("Әйгерім Нұрланқызы Сейітқалиева", "ұйымдастырушы", true), new Person("Гүлзада Серікқызы Әбдікәрімова", "заңгер", false)],
    };

    public static StatementService Statements() => new(LegalProfiles.FromAssembly(), StatementTemplates.FromAssembly());

    public static StatementAlertComposer Composer() => new(Statements());
}
