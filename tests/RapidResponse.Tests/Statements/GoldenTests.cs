using RapidResponse.Alerts;
using RapidResponse.Contacts;
using RapidResponse.Statements;

namespace RapidResponse.Tests.Statements;

public sealed class GoldenTests
{
    private static readonly StatementService Statements = Samples.Statements();
    private static readonly StatementAlertComposer Composer = Samples.Composer();

    public static TheoryData<Incident, string> IncidentsAndLanguages()
    {
        var data = new TheoryData<Incident, string>();
        foreach (var incident in Enum.GetValues<Incident>())
        {
            data.Add(incident, "en");
            data.Add(incident, "ru");
        }

        return data;
    }

    public static TheoryData<FollowUp, string> FollowUpsAndLanguages()
    {
        var data = new TheoryData<FollowUp, string>();
        foreach (var followUp in Enum.GetValues<FollowUp>())
        {
            data.Add(followUp, "en");
            data.Add(followUp, "ru");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IncidentsAndLanguages))]
    public void Statement_matches_its_golden_file(Incident incident, string language)
    {
        var draft = Statements.RenderStatement(Samples.Full(incident), language);

        Assert.Equal(language, draft.Language);
        Golden.Check($"statement.{incident.ToWire()}.{language}.md", draft.Markdown);
    }

    [Theory]
    [MemberData(nameof(IncidentsAndLanguages))]
    public void Lawyer_sms_matches_its_golden_file(Incident incident, string language)
    {
        var page = new Uri("https://rapidresponse.example.org/api/r/Xk3p9QaZ7bC");
        var sms = Composer.ComposeSms(Samples.Full(incident), new Recipient("Lawyer", ContactRole.Lawyer, language) { PageLink = page });

        Assert.True(SmsSegments.Count(sms.Body) <= SmsSegments.Budget(sms.Body), sms.Body);
        Assert.EndsWith(page.AbsoluteUri, sms.Body, StringComparison.Ordinal);
        Golden.Check($"sms.{incident.ToWire()}.{language}.txt", sms.Body + "\n");
    }

    [Theory]
    [MemberData(nameof(FollowUpsAndLanguages))]
    public void Follow_up_matches_its_golden_file(FollowUp followUp, string language)
    {
        var draft = Statements.RenderFollowUp(Samples.Full(Incident.Detention), followUp, "Still at the district police station, no lawyer allowed.", Samples.UpdatedAt, language);

        Golden.Check($"followup.{followUp.ToWire()}.{language}.md", draft.Markdown);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public void Diplomat_notice_matches_its_golden_file(string language)
    {
        var draft = Statements.RenderDiplomatNotice(Samples.Full(Incident.Detention), language);

        Golden.Check($"diplomat.{language}.md", draft.Markdown);
    }

    [Theory]
    [MemberData(nameof(KazakhIncidents))]
    public void Kazakh_statement_matches_its_golden_file(Incident incident)
    {
        var draft = Statements.RenderStatement(Samples.Full(incident), "kk");

        Assert.Equal("kk", draft.Language);
        Golden.Check($"statement.{incident.ToWire()}.kk.md", draft.Markdown);
    }

    public static TheoryData<Incident> KazakhIncidents() => new(Enum.GetValues<Incident>());

    [Theory]
    [InlineData(FollowUp.StillHeld)]
    [InlineData(FollowUp.Released)]
    public void Kazakh_follow_up_matches_its_golden_file(FollowUp followUp)
    {
        var draft = Statements.RenderFollowUp(Samples.Full(Incident.Detention), followUp, "Still at the district police station, no lawyer allowed.", Samples.UpdatedAt, "kk");

        Assert.Equal("kk", draft.Language);
        Golden.Check($"followup.{followUp.ToWire()}.kk.md", draft.Markdown);
    }

    [Fact]
    public void Kazakh_diplomat_notice_and_lawyer_sms_match_their_golden_files()
    {
        var page = new Uri("https://rapidresponse.example.org/api/r/Xk3p9QaZ7bC");
        var sms = Composer.ComposeSms(Samples.Full(Incident.Detention), new Recipient("Lawyer", ContactRole.Lawyer, "kk") { PageLink = page });

        Golden.Check("diplomat.kk.md", Statements.RenderDiplomatNotice(Samples.Full(Incident.Detention), "kk").Markdown);
        Assert.True(SmsSegments.Count(sms.Body) <= SmsSegments.Budget(sms.Body), sms.Body);
        Golden.Check("sms.detention.kk.txt", sms.Body + "\n");
    }

    [Fact]
    public void International_statement_matches_its_golden_file()
    {
        var draft = Statements.RenderStatement(Samples.Full(Incident.Attack) with { Region = "AM-ER" }, "ru");

        Assert.Equal("en", draft.Language);
        Golden.Check("statement.attack.intl.en.md", draft.Markdown);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public void Kyrgyz_attack_statement_matches_its_golden_file(string language)
    {
        var draft = Statements.RenderStatement(Samples.Full(Incident.Attack) with { Region = "KG-GO" }, language);

        Assert.Equal(language, draft.Language);
        Golden.Check($"statement.attack.kg.{language}.md", draft.Markdown);
    }
}
