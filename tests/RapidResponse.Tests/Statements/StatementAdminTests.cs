using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Alerts;
using RapidResponse.Security;
using RapidResponse.Statements;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Statements;

/// <summary>A coordinator previews drafts and replaces templates and profiles; bad uploads change nothing.</summary>
public sealed class StatementAdminTests
{
    private readonly FakeTimeProvider time = new(Samples.At);

    [Fact]
    public async Task Preview_OfASampleIncident_ShowsTheDraftWithPlaceholdersAndTheCountrysLaw()
    {
        var (admin, _, _) = await SetUpAsync();

        var draft = (await admin.PreviewAsync(CoordinatorCaller.Admin, null, "detention", "KZ-SHY", "en", CancellationToken.None)).Value!;

        Assert.Contains("DRAFT", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("[to confirm]", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("Constitution of the Republic of Kazakhstan", draft.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WithoutAnIncidentOrRegion_NamesBoth()
    {
        var (admin, _, _) = await SetUpAsync();

        var problem = (await admin.PreviewAsync(CoordinatorCaller.Admin, null, "picnic", "nowhere/x", null, CancellationToken.None)).Problem!;

        Assert.Equal(["incident", "region"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReplacedTemplate_IsUsedAtOnce_AndByAnotherInstanceAfterItLoads()
    {
        var (admin, store, _) = await SetUpAsync();
        var source = "# [YOUR ORGANISATION] on the ban in {{ where }}\n\nDRAFT from the coordinators' own template.\n";

        var replaced = await admin.ReplaceTemplateAsync(CoordinatorCaller.Admin, "statement.ban.en.liquid", source, CancellationToken.None);

        Assert.True(replaced.IsOk);
        var draft = (await admin.PreviewAsync(CoordinatorCaller.Admin, null, "ban", "KZ-SHY", "en", CancellationToken.None)).Value!;
        Assert.Contains("coordinators' own template", draft.Markdown, StringComparison.Ordinal);

        // Another instance, started from the assembly, applies what is stored.
        var otherTemplates = StatementTemplates.FromAssembly();
        var loader = new StatementOverridesLoader(store, otherTemplates, LegalProfiles.FromAssembly(), time, NullLogger<StatementOverridesLoader>.Instance);
        await loader.ApplyAsync(CancellationToken.None);
        Assert.Equal(source, otherTemplates.Source("statement.ban.en.liquid"));
    }

    [Fact]
    public async Task TemplateThatDoesNotParse_NamesItsLineAndColumn_AsCompilersDo()
    {
        var (admin, _, _) = await SetUpAsync();

        var refused = await admin.ReplaceTemplateAsync(CoordinatorCaller.Admin, "statement.ban.en.liquid", "line one\nline two {% if %}\nline three", CancellationToken.None);

        Assert.Matches(@"^statement\.ban\.en\.liquid:2:\d+: ", Assert.Single(refused.Problem!.Errors!["template"]));
    }

    [Fact]
    public async Task TemplateThatDoesNotParse_IsRefusedNamingItsLine_AndChangesNothing()
    {
        var (admin, store, templates) = await SetUpAsync();
        var before = templates.Source("statement.ban.en.liquid");

        var refused = await admin.ReplaceTemplateAsync(CoordinatorCaller.Admin, "statement.ban.en.liquid", "line one\nline two {% if %}\nline three", CancellationToken.None);

        Assert.Equal(422, refused.Problem!.Status);
        Assert.Contains(refused.Problem.Errors!["template"], e => e.StartsWith("statement.ban.en.liquid:2:", StringComparison.Ordinal));
        Assert.Equal(before, templates.Source("statement.ban.en.liquid"));
        Assert.Empty(await store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ProfileWithAnItemLackingItsSource_IsRefused()
    {
        var (admin, _, _) = await SetUpAsync();
        var json = """
            {"country":"UZ","languages":["en"],"name":{"en":"Uzbekistan"},"locative":{"en":"in Uzbekistan"},
             "government":{"en":"the Government of Uzbekistan"},"parliament":{"en":"the Oliy Majlis"},
             "items":[{"id":"c1","kind":"constitution","text":{"en":"Everyone has the right to freedom and personal inviolability."}}]}
            """;

        var refused = await admin.ReplaceProfileAsync(CoordinatorCaller.Admin, "UZ", json, CancellationToken.None);

        Assert.Equal(422, refused.Problem!.Status);
        Assert.Contains(refused.Problem.Errors!["profile"], e => e.Contains("no source document", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"items\":[null]", "items[0]")]
    [InlineData("\"items\":[" + GoodItem + ",null]", "items[1]")]
    [InlineData("\"items\":null", "items")]
    [InlineData("\"languages\":[null],\"items\":[" + GoodItem + "]", "languages[0]")]
    public async Task ProfileWithANullWhereAnEntryBelongs_IsRefusedNamingTheField(string members, string field)
    {
        var (admin, store, _) = await SetUpAsync();
        var json = "{\"country\":\"UZ\",\"languages\":[\"en\"],\"name\":{\"en\":\"Uzbekistan\"},\"locative\":{\"en\":\"in Uzbekistan\"},"
            + "\"government\":{\"en\":\"the Government of Uzbekistan\"},\"parliament\":{\"en\":\"the Oliy Majlis\"}," + members + "}";

        var refused = await admin.ReplaceProfileAsync(CoordinatorCaller.Admin, "UZ", json, CancellationToken.None);

        Assert.Equal(422, refused.Problem!.Status);
        Assert.Contains(field, refused.Problem.Errors!.Keys);
        Assert.Empty(await store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ProfileWithSeveralMembersOfTheWrongType_IsRefusedNamingEveryOne_AndChangesNothing()
    {
        var (admin, store, _) = await SetUpAsync();
        var json = "{\"country\":\"UZ\",\"languages\":\"en\",\"name\":{\"en\":\"Uzbekistan\"},\"locative\":[\"in Uzbekistan\"],"
            + "\"government\":{\"en\":\"the Government of Uzbekistan\"},\"parliament\":{\"en\":\"the Oliy Majlis\"},"
            + "\"items\":[{\"id\":\"c1\",\"kind\":\"constitution\",\"text\":{\"en\":7},\"source\":{\"en\":\"Constitution\"},\"link\":\"https://example.org/uz\"}],"
            + "\"draftNote\":\"members the profile does not know are ignored, as when it reads\"}";

        var refused = await admin.ReplaceProfileAsync(CoordinatorCaller.Admin, "UZ", json, CancellationToken.None);

        Assert.Equal(422, refused.Problem!.Status);
        Assert.Equal(["items[0].text.en", "languages", "locative"], refused.Problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await store.ListAsync(CancellationToken.None));
    }

    private const string GoodItem = """
        {"id":"c1","kind":"constitution","text":{"en":"Everyone has the right to freedom."},"source":{"en":"Constitution of Uzbekistan"},"link":"https://example.org/uz"}
        """;

    private async Task<(StatementAdmin Admin, StatementOverrideStore Store, StatementTemplates Templates)> SetUpAsync()
    {
        var templates = StatementTemplates.FromAssembly();
        var profiles = LegalProfiles.FromAssembly();
        var store = new StatementOverrideStore(await SharedAzurite.NewTableAsync("overrides"));
        var alerts = new AlertStore(await SharedAzurite.NewTableAsync("alerts"));
        var admin = new StatementAdmin(new StatementService(profiles, templates), templates, profiles, store, alerts, new RapidResponse.Audit.AuditLog(await SharedAzurite.NewTableAsync("audit"), time), time, NullLogger<StatementAdmin>.Instance);
        return (admin, store, templates);
    }
}
