using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Responses;
using RapidResponse.Statements;
using RapidResponse.Tests.Storage;

namespace RapidResponse.Tests.Statements;

/// <summary>
/// Kazakh (<c>kk</c>) readers get Kazakh wherever it exists and Russian where it does not: never English while a
/// Russian text exists.
/// </summary>
public sealed class KazakhTests
{
    private static readonly Alert Alert = AlertStoreTests.Alert("01a20fcae897785eb5c5056bb0d4a194");

    [Fact]
    public void Every_text_table_speaks_kazakh_to_a_kk_reader()
    {
        Assert.Same(SmsPhrases.Kazakh, SmsPhrases.For("kk"));
        Assert.Same(FollowUpTexts.Kazakh, FollowUpTexts.For("kk"));
        Assert.Same(EmailWords.Kazakh, EmailWords.For("kk"));
        Assert.Same(ReplyTexts.Kazakh, ReplyTexts.For("kk"));
        Assert.Equal("[нақтылау]", Placeholders.ToConfirm("kk"));
        Assert.Equal("2026 жылғы 29 мамыр", Placeholders.Date(Samples.At, "kk"));
        Assert.Equal("ұстап алу", Placeholders.Incident(Incident.Detention, "kk"));
    }

    [Fact]
    public void The_fallbacks_of_kazakh_are_russian_then_english()
    {
        Assert.Equal(["kk", "ru", "en"], Languages.Fallbacks("kk"));
        Assert.Equal(["ru", "en"], Languages.Fallbacks("ru"));
        Assert.Equal(["en"], Languages.Fallbacks("de"));
        Assert.Equal("Ош", new Localized { ["en"] = "Osh", ["ru"] = "Ош" }.In("kk"));
        Assert.Equal("Osh", new Localized { ["en"] = "Osh" }.In("kk"));
    }

    [Fact]
    public void A_kazakh_lawyer_gets_the_confirmation_with_every_fact_they_need()
    {
        var organizer = new Organizers.Organizer("org1", "Zhanar", ["KZ-SHY"], "+77011112233", "kk", "hash", DateTimeOffset.UnixEpoch) { SharePhone = true };

        var text = FollowUpTexts.Kazakh.Confirmation(Alert, "Айгерім", organizer);

        Assert.StartsWith($"RapidResponse: рақмет, Айгерім. Сіз №{AlertFactsText.Reference(Alert)} дабылына жауап бердіңіз.", text, StringComparison.Ordinal);
        Assert.Contains("ҰСТАП АЛУ: Zhanar S. (co-founder), Gulzada S.", text, StringComparison.Ordinal);
        Assert.Contains("Қайда: Community centre https://maps.google.com/?q=42.3417,69.5901.", text, StringComparison.Ordinal);
        Assert.Contains("Хабарлама: «Police took both».", text, StringComparison.Ordinal);
        Assert.EndsWith("Ұйымдастырушы: Zhanar, +77011112233.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminders_updates_resolutions_notices_and_the_duress_signal_are_kazakh()
    {
        var kk = FollowUpTexts.Kazakh;
        var reference = AlertFactsText.Reference(Alert);

        Assert.Equal("ЕСКЕ САЛУ, әлі ешкім жауап бермеді: ", kk.Reminder([]));
        Assert.Contains("айып тағылды. «Сот 10-да»", kk.UpdateSms(Alert, "charged", "Сот 10-да"), StringComparison.Ordinal);
        Assert.Contains("жабылды (жалған дабыл). Байланыста", kk.ResolutionSms(Alert, "false-alarm", null), StringComparison.Ordinal);
        Assert.Contains("Айгерім (адвокат) сіздің", kk.Notice(Alert, "Айгерім", ContactRole.Lawyer), StringComparison.Ordinal);
        Assert.StartsWith("МӘЖБҮРЛЕУ СИГНАЛЫ: ", kk.DuressSms(Alert), StringComparison.Ordinal);
        Assert.Equal($"ЖАҢАЛЫҚ: ұстап алу (Шымкент), дабыл {reference}", kk.Subject(FollowUpTexts.UpdateKind, Alert, "Шымкент"));
        Assert.Contains(">Мен жауап беремін</a>", kk.AckHtml(new Uri("https://rr.example.org/a")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("still-held")]
    [InlineData("charged")]
    [InlineData("released")]
    [InlineData("injured")]
    [InlineData("other")]
    public void Every_kazakh_update_is_ucs2_and_fits_in_two_segments(string status)
    {
        var text = FollowUpTexts.Kazakh.UpdateSms(Alert, status, null);

        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.EncodingOf(text));
        Assert.True(SmsSegments.Count(text) <= 2, text);
    }

    [Fact]
    public void A_kazakh_ngo_gets_a_kazakh_email_with_the_kazakh_draft_attached()
    {
        var email = Samples.Composer().ComposeEmail(Samples.Full(Incident.Detention), new Recipient("Ұйым", ContactRole.Ngo, "kk"));

        Assert.Equal("ШҰҒЫЛ: ұстап алу (Шымкент), ішінде мәлімдеме жобасы бар (дабыл 7F3K2Q)", email.Subject);
        Assert.StartsWith("Құрметті Ұйым!", email.Text, StringComparison.Ordinal);
        Assert.Contains("- Кім: Zhanar Sekerbayeva (organiser); Gulzada Serzhan (жариялауға болмайды)", email.Text, StringComparison.Ordinal);
        Assert.Contains("# [YOUR ORGANISATION] Қазақстандағы құқық қорғаушылардың ұсталуын айыптайды", email.Text, StringComparison.Ordinal);
        Assert.Contains(email.Attachments, a => a.FileName.EndsWith("-kk.docx", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_without_kazakh_falls_back_to_russian_never_to_english()
    {
        var shipped = StatementTemplates.FromAssembly();
        var withoutKazakhRaid = shipped.Names.Where(n => n is not ("statement.raid.kk.liquid" or "followup.charged.kk.liquid" or "diplomat.kk.liquid"))
            .ToDictionary(n => n, n => shipped.Source(n)!, StringComparer.Ordinal);
        var statements = new StatementService(LegalProfiles.FromAssembly(), new StatementTemplates(withoutKazakhRaid));
        var composer = new StatementAlertComposer(statements);

        var raid = statements.RenderStatement(Samples.Full(Incident.Raid), "kk");
        var charged = statements.RenderFollowUp(Samples.Full(Incident.Detention), FollowUp.Charged, null, Samples.UpdatedAt, "kk");
        var diplomat = statements.RenderDiplomatNotice(Samples.Full(Incident.Detention), "kk");
        var email = composer.ComposeEmail(Samples.Full(Incident.Raid), new Recipient("Ұйым", ContactRole.Ngo, "kk"));

        Assert.Equal("ru", raid.Language);
        Assert.Contains("осуждает обыск у правозащитников в Казахстане", raid.Markdown, StringComparison.Ordinal);
        Assert.Equal("ru", charged.Language);
        Assert.Equal("ru", diplomat.Language);
        Assert.StartsWith("СРОЧНО: обыск (Шымкент)", email.Subject, StringComparison.Ordinal);
        Assert.Equal("kk", statements.RenderStatement(Samples.Full(Incident.Detention), "kk").Language);
    }

    [Fact]
    public void A_country_whose_profile_has_no_kazakh_gives_a_kk_reader_russian()
    {
        var statements = Samples.Statements();

        var draft = statements.RenderStatement(Samples.Full(Incident.Attack) with { Region = "KG-GO" }, "kk");

        Assert.Equal("ru", draft.Language);
        Assert.Contains("Кыргызстан", draft.Markdown, StringComparison.Ordinal);
        Assert.Equal("Ош", statements.PlaceName(Samples.Full() with { Region = "KG-GO" }, "kk"));
    }

    [Fact]
    public void Kazakhstans_kazakh_items_are_marked_as_our_translation_and_never_quoted_as_the_articles_wording()
    {
        var profile = LegalProfiles.FromAssembly().For("KZ-SHY");
        var draft = Samples.Statements().RenderStatement(Samples.Full(Incident.Detention), "kk").Markdown;

        Assert.True(profile.Speaks("kk"));
        Assert.All(profile.Items, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Text.GetValueOrDefault("kk")), i.Id);
            Assert.True(i.TranslatedIn("kk"), i.Id);
            Assert.False(i.TranslatedIn("ru"), i.Id);
            Assert.True(i.Kind != LegalItem.Constitution || i.Article!.In("kk") == "1-бап" || i.Article.In("kk").Contains("[нақтылау]", StringComparison.Ordinal), i.Id);
        });
        Assert.Contains("- Қазақстан Республикасы – демократиялық", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("«Қазақстан Республикасы –", draft, StringComparison.Ordinal);
        Assert.Contains("(Қазақстан Республикасының 2026 жылғы Конституциясы, 1-бап; біздің аудармамыз)", draft, StringComparison.Ordinal);
        Assert.Contains("https://www.inform.kz/ru/dorabotan-s-uchetom-predlozheniy-grazhdan-opublikovan-proekt-novoy-konstitutsii-rk-6431fd", draft, StringComparison.Ordinal);
    }
}
