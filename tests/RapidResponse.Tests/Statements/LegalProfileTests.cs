using RapidResponse.Statements;

namespace RapidResponse.Tests.Statements;

public sealed class LegalProfileTests
{
    private static readonly LegalProfiles Profiles = LegalProfiles.FromAssembly();

    [Fact]
    public void Every_item_of_every_profile_has_text_a_source_document_and_a_link()
    {
        var items = Profiles.All.SelectMany(p => p.Items.Select(i => (p.Country, Item: i))).ToList();

        Assert.NotEmpty(items);
        Assert.All(items, x =>
        {
            Assert.False(string.IsNullOrWhiteSpace(x.Item.Text.In("en")), x.Item.Id);
            Assert.False(string.IsNullOrWhiteSpace(x.Item.Source.In("en")), x.Item.Id);
            Assert.Equal(Uri.UriSchemeHttps, x.Item.Link.Scheme);
            if (x.Country == "KZ")
            {
                Assert.False(string.IsNullOrWhiteSpace(x.Item.Text.In("ru")), x.Item.Id);
            }
        });
    }

    [Fact]
    public void Kazakhstan_cites_its_constitution_the_iccpr_and_the_accepted_upr_recommendation()
    {
        var kz = Profiles.For("KZ-SHY");

        Assert.Equal("KZ", kz.Country);
        var cites = kz.Items.Select(i => i.Cite("en")).ToList();
        Assert.Contains("Constitution of the Republic of Kazakhstan, Article 14", cites);
        Assert.Contains("Constitution of the Republic of Kazakhstan, Article 17", cites);
        Assert.Contains(kz.Items, i => i.Kind == LegalItem.Treaty && i.Text.In("en").Contains("International Covenant on Civil and Political Rights", StringComparison.Ordinal));
        Assert.Contains(kz.Items, i => i.Kind == LegalItem.Upr && i.Text.In("en").StartsWith("Guarantee an enabling environment", StringComparison.Ordinal));
    }

    [Fact]
    public void A_country_without_a_profile_gets_the_international_one_with_udhr_iccpr_and_the_defenders_declaration()
    {
        var intl = Profiles.For("UZ-TK");

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
    public void A_caveat_must_speak_every_language_of_its_profile_and_Kazakhstans_flags_the_new_constitution()
    {
        const string json = """
            { "country": "INTL", "languages": ["en", "ru"], "name": {"en": "x"}, "locative": {"en": "x"}, "government": {"en": "x"},
              "parliament": {"en": "x"}, "regions": {}, "caveat": {"en": "Check the new text."},
              "items": [ { "id": "ok", "kind": "treaty", "text": {"en": "Text.", "ru": "Текст."}, "source": {"en": "A treaty"}, "link": "https://example.org" } ] }
            """;

        var error = Assert.Throws<InvalidOperationException>(() => new LegalProfiles([LegalProfiles.Parse("INTL.json", json)]));

        Assert.Contains("INTL: the caveat has no 'ru' text", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 July 2026", Profiles.For("KZ-SHY").Caveat!.In("en"), StringComparison.Ordinal);
        Assert.Null(Profiles.For("UZ-TK").Caveat);
    }
}
