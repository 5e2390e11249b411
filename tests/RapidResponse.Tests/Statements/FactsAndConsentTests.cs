using RapidResponse.Alerts;
using RapidResponse.Statements;

namespace RapidResponse.Tests.Statements;

public sealed class FactsAndConsentTests
{
    private static readonly StatementService Statements = Samples.Statements();

    [Theory]
    [InlineData(Incident.Attack, "en", "[to confirm]")]
    [InlineData(Incident.Detention, "en", "[to confirm]")]
    [InlineData(Incident.Ban, "en", "[to confirm]")]
    [InlineData(Incident.Attack, "ru", "[уточнить]")]
    [InlineData(Incident.Detention, "ru", "[уточнить]")]
    public void A_minimal_alert_renders_placeholders_and_invents_nothing(Incident incident, string language, string placeholder)
    {
        var draft = Statements.RenderStatement(Samples.Minimal(incident), language).Markdown;

        var city = language == "ru" ? "Шымкент" : "Shymkent";
        Assert.Contains($"{placeholder}, {city}", draft, StringComparison.Ordinal);
        foreach (var invented in new[] { "Zhanar", "Gulzada", "Hotel", "“", "organiser’s own report", "Сообщение организатора", "an organiser", "activists were", "один из организаторов" })
        {
            Assert.DoesNotContain(invented, draft, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_minimal_alert_names_nobody_and_gives_no_place_but_placeholders()
    {
        var draft = Statements.RenderStatement(Samples.Minimal(Incident.Attack), "en").Markdown;

        Assert.Contains("condemns the attack on [to confirm] on 29 May 2026 in [to confirm], Shymkent, Kazakhstan.", draft, StringComparison.Ordinal);
        Assert.Contains("On 29 May 2026, at about 14:05 UTC, [to confirm] were attacked in [to confirm], Shymkent, Kazakhstan.", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("during the event", draft, StringComparison.Ordinal);
        Assert.Contains("DRAFT — verify every fact before publishing", draft, StringComparison.Ordinal);
        Assert.Contains("[YOUR ORGANISATION]", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_people_who_consented_are_named_the_others_are_counted()
    {
        var draft = Statements.RenderStatement(Samples.Full(Incident.Attack), "en").Markdown;

        Assert.Contains("Zhanar Sekerbayeva and one other activist", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Gulzada", draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "en", "an organiser")]
    [InlineData(2, "en", "two activists")]
    [InlineData(12, "en", "12 activists")]
    [InlineData(1, "ru", "один из организаторов")]
    [InlineData(2, "ru", "два активиста")]
    [InlineData(5, "ru", "пять активистов")]
    [InlineData(21, "ru", "21 активист")]
    public void People_without_consent_are_described_by_their_count(int count, string language, string expected)
    {
        var people = Enumerable.Range(1, count).Select(i => new Person($"Secret Name {i}", null, PublicName: false)).ToList();
        var alert = Samples.Full() with { People = people };

        Assert.Equal(expected, PublicPeople.Describe(alert, language));
        Assert.DoesNotContain("Secret Name", Statements.RenderStatement(alert, language).Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_consenting_people_are_listed_by_name()
    {
        var alert = Samples.Full() with { People = [new("A One", null, true), new("B Two", null, true), new("C Three", null, true)] };

        Assert.Equal("A One, B Two, and C Three", PublicPeople.Describe(alert, "en"));
        Assert.Equal("A One, B Two и C Three", PublicPeople.Describe(alert, "ru"));
    }

    [Fact]
    public void The_kazakh_draft_cites_the_2026_constitution_and_the_upr_recommendation()
    {
        var draft = Statements.RenderStatement(Samples.Full(Incident.Detention), "en").Markdown;

        Assert.Contains("‘The Republic of Kazakhstan is a democratic, secular, law-governed and social state.", draft, StringComparison.Ordinal);
        Assert.Contains("(Constitution of the Republic of Kazakhstan of 2026, Article 1)", draft, StringComparison.Ordinal);
        Assert.Contains("the legal profession (advocacy)", draft, StringComparison.Ordinal);
        Assert.Contains("(Constitution of the Republic of Kazakhstan of 2026, Article [to confirm])", draft, StringComparison.Ordinal);
        Assert.Contains("accepted the recommendation to ‘Guarantee an enabling environment", draft, StringComparison.Ordinal);
        Assert.Contains("We call upon the Government of Kazakhstan", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paraphrase_is_not_put_in_quotation_marks_and_a_quotation_is()
    {
        var draft = Statements.RenderStatement(Samples.Full(Incident.Detention), "ru").Markdown;

        Assert.Contains("- «Свобода слова, научного, технического, художественного творчества гарантируется. Цензура запрещается.» (", draft, StringComparison.Ordinal);
        Assert.Contains("- адвокатуру, которая содействует", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("«адвокатуру", draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "it received the recommendation to ‘Ensure the treatment of NGOs", "Whether Kyrgyzstan supported it: [to confirm].")]
    [InlineData("ru", "государство получило рекомендацию «Обеспечить, чтобы обращение с НПО", "Поддержало ли оно её: [уточнить].")]
    public void A_upr_recommendation_whose_acceptance_is_unconfirmed_is_not_called_accepted(string language, string received, string toConfirm)
    {
        var draft = Statements.RenderStatement(Samples.Full(Incident.Attack) with { Region = "KG-GB" }, language).Markdown;

        Assert.Contains(received, draft, StringComparison.Ordinal);
        Assert.Contains(toConfirm, draft, StringComparison.Ordinal);
        Assert.DoesNotContain("accepted the recommendation", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("приняло рекомендацию", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void The_organisers_message_appears_only_as_a_report_to_verify()
    {
        var draft = Statements.RenderStatement(Samples.Full(Incident.Attack), "en").Markdown;

        Assert.Contains("The organiser's own report, to verify and rewrite before publishing: “About 30 men came in shouting; police took us to the car.”", draft, StringComparison.Ordinal);
    }
}
