using RapidResponse.Statements;

namespace RapidResponse.Tests.Statements;

public sealed class LegalProfileTests
{
    private static readonly LegalProfiles Profiles = LegalProfiles.FromAssembly();

    /// <summary>
    /// Kazakhstan's constitutional article numbers checked against the published 2026 text. Add one only after reading
    /// it in that text, and record the source in docs/STATEMENTS.md; every other item says "[to confirm]".
    /// </summary>
    private static readonly string[] VerifiedKazakhArticles = ["Article 1"];

    [Fact]
    public void Every_item_of_every_profile_has_text_in_each_language_a_source_document_and_an_https_link()
    {
        var items = Profiles.All.SelectMany(p => p.Items.Select(i => (Profile: p, Item: i))).ToList();

        Assert.Equal(["INTL", "KG", "KZ", "TJ", "UZ"], Profiles.All.Select(p => p.Country).Order(StringComparer.Ordinal));
        Assert.All(items, x =>
        {
            foreach (var language in x.Profile.Languages)
            {
                Assert.False(string.IsNullOrWhiteSpace(x.Item.Text.GetValueOrDefault(language)), $"{x.Profile.Country}/{x.Item.Id}: no '{language}' text");
            }

            Assert.False(string.IsNullOrWhiteSpace(x.Item.Source.In("en")), x.Item.Id);
            Assert.True(x.Item.Link.IsAbsoluteUri, x.Item.Id);
            Assert.Equal(Uri.UriSchemeHttps, x.Item.Link.Scheme);
        });
    }

    [Fact]
    public void Kazakhstan_cites_the_2026_constitution_and_nothing_of_the_1995_one()
    {
        var kz = Profiles.For("KZ-SHY");
        var constitution = kz.Items.Where(i => i.Kind == LegalItem.Constitution).ToList();

        Assert.Equal("KZ", kz.Country);
        Assert.True(constitution.Count >= 7, "equality, dignity, liberty, the legal profession, speech, assembly and association, treaties");
        Assert.All(constitution, i =>
        {
            Assert.Equal("Constitution of the Republic of Kazakhstan of 2026", i.Source.In("en"));
            Assert.Equal("Конституция Республики Казахстан 2026 года", i.Source.In("ru"));
            var article = i.Article!.In("en");
            Assert.True(VerifiedKazakhArticles.Contains(article) || article.Contains("[to confirm]", StringComparison.Ordinal), $"{i.Id}: {article}");
            Assert.True(VerifiedKazakhArticles.Contains(article) || i.Article.In("ru").Contains("[уточнить]", StringComparison.Ordinal), i.Id);
        });

        // The 1995 text lives on constitution.kz; its article numbers (4, 8, 14, 16, 17...) are gone with it.
        var everything = kz.Items.SelectMany(i => new[] { i.Text, i.Source, i.Article ?? [] }.SelectMany(l => l.Values).Append(i.Link.AbsoluteUri))
            .Concat(kz.Caveat!.Values);
        Assert.All(everything, text =>
        {
            Assert.DoesNotContain("1995", text, StringComparison.Ordinal);
            Assert.DoesNotContain("constitution.kz", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Kazakhstan_keeps_the_iccpr_ratification_and_the_upr_recommendation_accepted_from_chile()
    {
        var kz = Profiles.For("KZ-SHY");

        Assert.Contains(kz.Items, i => i.Kind == LegalItem.Treaty && i.Text.In("en").StartsWith("Kazakhstan ratified the International Covenant on Civil and Political Rights on 24 January 2006", StringComparison.Ordinal));
        var chile = Assert.Single(kz.Items, i => i.Kind == LegalItem.Upr);
        Assert.True(chile.Accepted);
        Assert.Equal("recommendation by Chile", chile.Article!.In("en"));
        Assert.StartsWith("Guarantee an enabling environment", chile.Text.In("en"), StringComparison.Ordinal);
        Assert.Contains(kz.Items, i => i.Kind == LegalItem.Constitution && i.Incidents is ["detention", "raid"] && i.Text.In("en").Contains("legal profession", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("KG-GB", "KG", "Bishkek", "Бишкек")]
    [InlineData("KG-GO", "KG", "Osh", "Ош")]
    [InlineData("UZ-TK", "UZ", "Tashkent", "Ташкент")]
    [InlineData("UZ-SA", "UZ", "Samarkand Region", "Самаркандская область")]
    [InlineData("TJ-DU", "TJ", "Dushanbe", "Душанбе")]
    [InlineData("TJ-SU", "TJ", "Sughd Region", "Согдийская область")]
    public void Each_neighbour_names_its_cities_and_speaks_russian(string region, string country, string english, string russian)
    {
        var profile = Profiles.For(region);

        Assert.Equal(country, profile.Country);
        Assert.True(profile.Speaks("ru"));
        Assert.Equal(english, profile.Regions[region].In("en"));
        Assert.Equal(russian, profile.Regions[region].In("ru"));
    }

    [Theory]
    [InlineData("KG")]
    [InlineData("UZ")]
    [InlineData("TJ")]
    public void Each_neighbour_names_its_constitutions_equality_assembly_association_and_expression_the_iccpr_and_a_upr_recommendation(string country)
    {
        var profile = Profiles.For(country);
        var constitution = profile.Items.Where(i => i.Kind == LegalItem.Constitution).Select(i => i.Text.In("en")).ToList();

        foreach (var right in new[] { "equal", "assembly", "association" })
        {
            Assert.Contains(constitution, t => t.Contains(right, StringComparison.Ordinal));
        }

        Assert.Contains(constitution, t => t.Contains("expression", StringComparison.Ordinal) || t.Contains("speech", StringComparison.Ordinal));
        Assert.Contains(profile.Items, i => i.Kind == LegalItem.Treaty && i.Text.In("en").Contains("International Covenant on Civil and Political Rights", StringComparison.Ordinal));
        Assert.Contains(profile.Items, i => i.Kind == LegalItem.Upr && i.Cite("en").Contains("A/HRC/", StringComparison.Ordinal));
        Assert.All(profile.Items.Where(i => i.Kind == LegalItem.Constitution), i => Assert.False(i.Verbatim, $"{i.Id}: our Russian is a translation, not a quotation"));
    }

    [Fact]
    public void Kyrgyzstans_profile_gives_drafters_the_context_of_the_restrictive_laws()
    {
        var caveat = Profiles.For("KG-GB").Caveat!;

        foreach (var law in new[] { "“false information”", "“foreign representatives”", "“propaganda of non-traditional relations”", "not for publication" })
        {
            Assert.Contains(law, caveat.In("en"), StringComparison.Ordinal);
        }

        Assert.Contains("«пропаганду нетрадиционных отношений»", caveat.In("ru"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_country_without_a_profile_gets_the_international_one_with_udhr_iccpr_and_the_defenders_declaration()
    {
        var intl = Profiles.For("AM-ER");

        Assert.Equal("INTL", intl.Country);
        var cites = intl.Items.Select(i => i.Cite("en")).ToList();
        foreach (var article in new[] { "2", "3", "5", "7", "9", "19", "20(1)" })
        {
            Assert.Contains($"Universal Declaration of Human Rights (1948), Article {article}", cites);
        }

        foreach (var article in new[] { "2(1)", "7", "9(1)", "19(2)", "21", "22(1)", "26" })
        {
            Assert.Contains($"International Covenant on Civil and Political Rights (1966), Article {article}", cites);
        }

        Assert.Contains(intl.Items, i => i.Source.In("en").StartsWith("UN Declaration on Human Rights Defenders", StringComparison.Ordinal));
    }

    [Fact]
    public void A_profile_item_without_a_source_is_refused_at_start_up()
    {
        const string json = """
            { "country": "INTL", "languages": ["en"], "name": {"en": "x"}, "locative": {"en": "x"}, "government": {"en": "x"},
              "parliament": {"en": "x"}, "regions": {},
              "items": [ { "id": "bad", "kind": "treaty", "text": {"en": "Some text."}, "source": {"en": ""}, "link": "https://example.org" } ] }
            """;

        var error = Assert.Throws<InvalidOperationException>(() => new LegalProfiles([LegalProfiles.Parse("INTL.json", json)]));

        Assert.Contains("INTL/bad: no source document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_item_without_text_in_a_language_the_profile_speaks_is_refused()
    {
        const string json = """
            { "country": "KG", "languages": ["en", "ru"], "name": {"en": "x", "ru": "x"}, "locative": {"en": "x", "ru": "x"},
              "government": {"en": "x", "ru": "x"}, "parliament": {"en": "x", "ru": "x"}, "regions": {},
              "items": [ { "id": "en-only", "kind": "constitution", "text": {"en": "Everyone is equal."}, "source": {"en": "A constitution"}, "link": "https://example.org" } ] }
            """;

        var profiles = LegalProfiles.FromAssembly();

        var errors = profiles.Replace(LegalProfiles.Parse("KG.json", json));

        Assert.Equal(["KG/en-only: no 'ru' text, though the profile speaks it"], errors);
        Assert.Equal("Kyrgyzstan", profiles.For("KG-GB").Name.In("en"));
    }

    [Fact]
    public void A_caveat_must_speak_every_language_of_its_profile_and_Kazakhstans_says_the_2026_constitution_is_in_force()
    {
        const string json = """
            { "country": "INTL", "languages": ["en", "ru"], "name": {"en": "x"}, "locative": {"en": "x"}, "government": {"en": "x"},
              "parliament": {"en": "x"}, "regions": {}, "caveat": {"en": "Check the new text."},
              "items": [ { "id": "ok", "kind": "treaty", "text": {"en": "Text.", "ru": "Текст."}, "source": {"en": "A treaty"}, "link": "https://example.org" } ] }
            """;

        var error = Assert.Throws<InvalidOperationException>(() => new LegalProfiles([LegalProfiles.Parse("INTL.json", json)]));

        Assert.Contains("INTL: the caveat has no 'ru' text", error.Message, StringComparison.Ordinal);
        Assert.Contains("has been in force since 1 July 2026", Profiles.For("KZ-SHY").Caveat!.In("en"), StringComparison.Ordinal);
        Assert.Contains("действует с 1 июля 2026 года", Profiles.For("KZ-SHY").Caveat!.In("ru"), StringComparison.Ordinal);
        Assert.Null(Profiles.For("AM-ER").Caveat);
    }
}
