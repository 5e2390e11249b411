using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Statements;

namespace RapidResponse.Tests.Statements;

public sealed class SmsTests
{
    private static readonly StatementAlertComposer Composer = Samples.Composer();

    [Theory]
    [InlineData("", 1)]
    [InlineData("Hello", 1)]
    public void Short_texts_are_one_segment(string text, int expected) => Assert.Equal(expected, SmsSegments.Count(text));

    [Fact]
    public void Gsm7_fits_160_in_one_segment_and_153_per_segment_after()
    {
        Assert.Equal(1, SmsSegments.Count(new string('a', 160)));
        Assert.Equal(2, SmsSegments.Count(new string('a', 161)));
        Assert.Equal(2, SmsSegments.Count(new string('a', 306)));
        Assert.Equal(3, SmsSegments.Count(new string('a', 307)));
    }

    [Fact]
    public void Extension_characters_cost_two_septets()
    {
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.EncodingOf("[x]€"));
        Assert.Equal(9, SmsSegments.Units("[x]€ab"));
        Assert.Equal(2, SmsSegments.Count(new string('€', 81)));
    }

    [Fact]
    public void Cyrillic_is_ucs2_with_70_then_67_per_segment()
    {
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.EncodingOf("Задержание"));
        Assert.Equal(1, SmsSegments.Count(new string('д', 70)));
        Assert.Equal(2, SmsSegments.Count(new string('д', 71)));
        Assert.Equal(2, SmsSegments.Count(new string('д', 134)));
        Assert.Equal(3, SmsSegments.Count(new string('д', 135)));
    }

    [Fact]
    public void One_non_gsm_character_makes_the_whole_text_ucs2_and_surrogate_pairs_count_twice()
    {
        var text = new string('a', 60) + "😀";

        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.EncodingOf(text));
        Assert.Equal(62, SmsSegments.Units(text));
        Assert.Equal(2, SmsSegments.Count(new string('a', 69) + "😀"));
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.EncodingOf("…"));
    }

    private static readonly Uri Page = new("https://rapidresponse.example.org/api/r/Xk3p9QaZ7bC");

    [Theory]
    [InlineData("latin", "en", 2)]
    [InlineData("cyrillic", "ru", 3)]
    [InlineData("cyrillic", "en", 3)]
    [InlineData("kazakh", "kk", 3)]
    public void The_lawyer_sms_for_the_longest_realistic_alert_fits_its_budget_with_every_item_in_order(string script, string language, int segments)
    {
        var alert = script switch
        {
            "latin" => Samples.Longest(cyrillic: false),
            "cyrillic" => Samples.Longest(cyrillic: true),
            _ => Samples.LongestKazakh(),
        };

        var body = Composer.ComposeSms(alert, new Recipient("Lawyer", ContactRole.Lawyer, language) { PageLink = Page }).Body;

        Assert.True(SmsSegments.Count(body) <= segments, $"{SmsSegments.Count(body)} segments: {body}");
        var items = new[]
        {
            language switch { "ru" => "ЗАДЕРЖАНИЕ", "kk" => "ҰСТАП АЛУ", _ => "DETENTION" },
            alert.Location!.Text![..8],
            "14:05 UTC",
            "\"" + alert.Message![..8],
            language switch { "ru" => "Ответьте ДА", "kk" => "ИӘ деп жауап беріңіз", _ => "Reply YES to respond" },
            AlertFactsText.Reference(alert),
            Page.AbsoluteUri,
        };
        var positions = items.Select(item => body.IndexOf(item, StringComparison.Ordinal)).ToList();
        Assert.True(!positions.Contains(-1), body);
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.EndsWith(Page.AbsoluteUri, body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_note_ends_at_a_word_and_is_marked()
    {
        var body = Composer.ComposeSms(Samples.Longest(cyrillic: true), new Recipient("Lawyer", ContactRole.Lawyer, "ru") { PageLink = Page }).Body;

        var note = body[(body.IndexOf('"', StringComparison.Ordinal) + 1)..body.LastIndexOf('"')];
        Assert.EndsWith("…", note, StringComparison.Ordinal);
        Assert.True(Samples.Longest(cyrillic: true).Message!.StartsWith(note[..^1] + " ", StringComparison.Ordinal), note);
    }

    [Fact]
    public void The_english_lawyer_sms_cuts_with_gsm_dots_and_stays_gsm7()
    {
        var body = Composer.ComposeSms(Samples.Longest(cyrillic: false), new Recipient("Lawyer", ContactRole.Lawyer, "en") { PageLink = Page }).Body;

        Assert.Contains("...", body, StringComparison.Ordinal);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.EncodingOf(body));
        Assert.Contains("Seitkaliyeva-Bekova", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_alert_keeps_the_message_and_the_recipients_page_link()
    {
        var alert = Samples.Full(Incident.Raid) with { Message = "Police at the door.", People = [new("Ann Li", null, false)] };

        var body = Composer.ComposeSms(alert, new Recipient("Lawyer", ContactRole.Lawyer, "en") { PageLink = new Uri("https://rapidresponse.example.org/api/r/Xk3p9QaZ7bC") }).Body;

        Assert.Equal(
            "RapidResponse RAID: Ann Li. Where: City Hotel, Kazybek Bi St 14 When: 14:05 UTC 29 May. \"Police at the door.\" Reply YES to respond. Ref 7F3K2Q https://rapidresponse.example.org/api/r/Xk3p9QaZ7bC",
            body);
    }

    [Fact]
    public void With_only_coordinates_the_map_link_is_the_place()
    {
        var alert = Samples.Full(Incident.Raid) with { Location = new Location(42.315512, 69.586934, 15, null) };

        var body = Composer.ComposeSms(alert, new Recipient("Lawyer", ContactRole.Lawyer, "ru") { PageLink = Page }).Body;

        Assert.Contains("https://maps.google.com/?q=42.31551,69.58693", body, StringComparison.Ordinal);
        Assert.True(SmsSegments.Count(body) <= 3, body);
    }

    [Fact]
    public void Only_lawyers_get_names_of_people_who_did_not_consent()
    {
        var alert = Samples.Full();

        var ally = Composer.ComposeSms(alert, new Recipient("Ally", ContactRole.Ally, "en")).Body;
        var lawyer = Composer.ComposeSms(alert, new Recipient("Lawyer", ContactRole.Lawyer, "en")).Body;

        Assert.DoesNotContain("Gulzada", ally, StringComparison.Ordinal);
        Assert.Contains("Zhanar Sekerbayeva (organiser) +1 other.", ally, StringComparison.Ordinal);
        Assert.Contains("Gulzada Serzhan", lawyer, StringComparison.Ordinal);
    }

    [Fact]
    public void People_not_named_are_counted_in_proper_singular_and_plural()
    {
        var alert = Samples.Full() with
        {
            People = [new Person("Zhanar Sekerbayeva", "organiser", PublicName: true), new Person("A", null, false), new Person("B", null, false)],
        };

        Assert.Contains("Zhanar Sekerbayeva (organiser) +2 others.", Composer.ComposeSms(alert, new Recipient("Ally", ContactRole.Ally, "en")).Body, StringComparison.Ordinal);
        Assert.Contains("+ещё 2", Composer.ComposeSms(alert, new Recipient("Ally", ContactRole.Ally, "ru")).Body, StringComparison.Ordinal);
        Assert.DoesNotContain("(s)", Composer.ComposeSms(Samples.Full(), new Recipient("Ally", ContactRole.Ally, "en")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kazakh_recipient_gets_the_sms_in_kazakh_and_it_is_ucs2_within_three_segments()
    {
        var body = Composer.ComposeSms(Samples.Full(Incident.Detention), new Recipient("Lawyer", ContactRole.Lawyer, "kk") { PageLink = Page }).Body;
        var shortOne = Composer.ComposeSms(Samples.Full(Incident.Detention) with { Message = "Бөлімшеге әкетті." }, new Recipient("Lawyer", ContactRole.Lawyer, "kk")).Body;

        Assert.StartsWith("RapidResponse ҰСТАП АЛУ: Zhanar Sekerbayeva (organiser), Gulzada Serzhan. Қайда: City Hotel, Kazybek Bi St 14 Қашан: 14:05 UTC 29.05. \"Бөлімшеге әкетті.\" ИӘ деп", shortOne, StringComparison.Ordinal);
        Assert.StartsWith("ҰСТАП АЛУ: Zhanar Sekerbayeva, Gulzada Serzhan. City Hotel, Kazybek Bi St 14 14:05 UTC 29.05. \"About 30 men", body, StringComparison.Ordinal);
        Assert.Contains("ИӘ деп жауап беріңіз. №7F3K2Q " + Page.AbsoluteUri, body, StringComparison.Ordinal);
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.EncodingOf(body));
        Assert.Equal(3, SmsSegments.Budget(body));
        Assert.True(SmsSegments.Count(body) <= 3, body);
    }

    [Theory]
    [InlineData("ә")]
    [InlineData("ғ")]
    [InlineData("қ")]
    [InlineData("ң")]
    [InlineData("ө")]
    [InlineData("ұ")]
    [InlineData("ү")]
    [InlineData("һ")]
    [InlineData("і")]
    public void Each_kazakh_letter_makes_a_latin_text_ucs2_at_70_then_67_per_segment(string letter)
    {
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.EncodingOf(new string('a', 100)));
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.EncodingOf(new string('a', 100) + letter));
        Assert.Equal(1, SmsSegments.Count(new string('a', 69) + letter));
        Assert.Equal(2, SmsSegments.Count(new string('a', 70) + letter));
        Assert.Equal(3, SmsSegments.Count(new string('a', 134) + letter));
        Assert.Equal(SmsSegments.Count(new string('д', 135)), SmsSegments.Count(string.Concat(Enumerable.Repeat(letter, 135))));
    }

    [Fact]
    public void Kazakh_people_not_named_are_counted_and_the_other_words_are_kazakh()
    {
        var alert = Samples.Full() with
        {
            People = [new Person("Zhanar Sekerbayeva", "organiser", PublicName: true), new Person("A", null, false), new Person("B", null, false)],
        };

        var ally = Composer.ComposeSms(alert, new Recipient("Ally", ContactRole.Ally, "kk")).Body;
        var nobody = Composer.ComposeSms(alert with { People = [] }, new Recipient("Ally", ContactRole.Ally, "kk")).Body;

        Assert.Contains("Zhanar Sekerbayeva (organiser) +тағы 2.", ally, StringComparison.Ordinal);
        Assert.Contains("ШАБУЫЛ: ұйымдастырушы (аты-жөні көрсетілмеген).", nobody, StringComparison.Ordinal);
    }

    [Fact]
    public void Languages_without_texts_fall_back_to_english()
    {
        var body = Composer.ComposeSms(Samples.Full(), new Recipient("Lawyer", ContactRole.Lawyer, "de")).Body;

        Assert.Contains("Reply YES to respond", body, StringComparison.Ordinal);
    }
}
