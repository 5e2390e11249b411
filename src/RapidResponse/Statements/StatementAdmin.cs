using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using RapidResponse.Alerts;
using RapidResponse.Audit;
using RapidResponse.Contacts;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Statements;

/// <summary>The templates and country profiles in use, by name: what a coordinator may open and replace.</summary>
public sealed record TemplateList(IReadOnlyList<string> Templates, IReadOnlyList<string> Profiles);

/// <summary>What an upload replaced.</summary>
public sealed record StatementReplaced(string Kind, string Name);

/// <summary>
/// A coordinator's work on statements: preview a draft for an alert or a sample incident, and replace a template
/// or a country profile. Uploads are validated first (a template that does not parse is refused, naming its line),
/// applied at once on this instance, stored, and picked up by the others within <see cref="StatementOverridesLoader.Every"/>.
/// </summary>
public sealed partial class StatementAdmin(
    StatementService statements,
    StatementTemplates templates,
    LegalProfiles profiles,
    StatementOverrideStore overrides,
    AlertStore alerts,
    AuditLog audit,
    TimeProvider time,
    ILogger<StatementAdmin> logger)
{
    public async Task<Result<StatementDraft>> PreviewAsync(
        CoordinatorCaller caller, string? alertId, string? incident, string? region, string? language, CancellationToken cancellationToken)
    {
        Alert? alert;
        if (alertId is not null)
        {
            // An alert of a region outside the caller's scope answers like a missing one.
            alert = await alerts.GetAsync(alertId, cancellationToken);
            if (alert is null || !caller.Can(ManageAction.PreviewStatements, alert.Region))
            {
                return Problem.NotFound($"No alert '{alertId}'.");
            }
        }
        else
        {
            var errors = new FieldErrors();
            if (!Incidents.TryParse(incident, out var parsed))
            {
                errors.Add("incident", Incidents.Rule);
            }

            if (!RegionCode.IsValid(region))
            {
                errors.Add("region", RegionCode.Rule);
            }

            if (errors.Any)
            {
                return errors.ToProblem();
            }

            if (!caller.Can(ManageAction.PreviewStatements, region))
            {
                return Problem.Forbidden($"Region '{RegionCode.Normalize(region!)}' is outside your regions.");
            }

            // A sample with no facts: the draft shows what a real alert fills in, and where it says [to confirm].
            var now = time.GetUtcNow();
            alert = new Alert("sample-alert-preview", "sample", RegionCode.Normalize(region!), parsed, null, null, [], null, now, now, Silent: false);
        }

        return statements.RenderStatement(alert, statements.LanguageFor(alert, language ?? Languages.Default));
    }

    public TemplateList List() => new(
        templates.Names.Order(StringComparer.Ordinal).ToList(),
        profiles.All.Select(p => p.Country).Order(StringComparer.Ordinal).ToList());

    /// <summary>A template's Liquid source as it is used now (after any replacement).</summary>
    public Result<string> TemplateSource(string name) =>
        templates.Source(name) is { } source ? source : Problem.NotFound($"No template '{name}'.");

    /// <summary>A country's profile as it is used now, as JSON.</summary>
    public Result<string> ProfileSource(string country) =>
        profiles.Find(country) is { } profile ? LegalProfiles.ToJson(profile) : Problem.NotFound($"No profile '{country}'.");

    /// <summary>Templates speak for every region, so replacing one needs the whole network (INTL) in scope.</summary>
    public async Task<Result<StatementReplaced>> ReplaceTemplateAsync(CoordinatorCaller caller, string name, string source, CancellationToken cancellationToken)
    {
        if (!caller.Can(ManageAction.EditTemplates, region: null))
        {
            return Problem.Forbidden("Statement templates serve every region: replacing one needs INTL in scope.");
        }

        if (!TemplateName().IsMatch(name))
        {
            return Problem.Invalid("name", "must look like statement.attack.en.liquid (letters, digits, '.', '-', '_')");
        }

        var errors = templates.Replace(name, source);
        if (errors.Count > 0)
        {
            return Problem.Invalid(new Dictionary<string, string[]> { ["template"] = errors.Select(e => e.ToString()).ToArray() });
        }

        var entry = new StatementOverride(StatementOverrideStore.Template, name, source);
        await overrides.PutAsync(entry, cancellationToken);
        LogReplaced(StatementOverrideStore.Template, name);
        await audit.AppendAsync(caller, "template.put", "template:" + name, null, ["source"], cancellationToken);
        return new StatementReplaced(entry.Kind, entry.Name);
    }

    public async Task<Result<StatementReplaced>> ReplaceProfileAsync(CoordinatorCaller caller, string country, string json, CancellationToken cancellationToken)
    {
        if (!caller.Can(ManageAction.EditProfiles, country))
        {
            return Problem.Forbidden($"Country '{country}' is outside your regions.");
        }

        LegalProfile profile;
        try
        {
            profile = LegalProfiles.Parse($"{country}.json", json);
        }
        catch (InvalidOperationException exception)
        {
            return Misfits(json) ?? Problem.Invalid("profile", exception.Message);
        }

        if (LegalProfiles.NullEntries(profile) is { Count: > 0 } nulls)
        {
            return Problem.Invalid(nulls);
        }

        if (!string.Equals(profile.Country, country, StringComparison.Ordinal))
        {
            return Problem.Invalid("country", $"the profile says '{profile.Country}', the route '{country}'");
        }

        var errors = profiles.Replace(profile);
        if (errors.Count > 0)
        {
            return Problem.Invalid(new Dictionary<string, string[]> { ["profile"] = errors.ToArray() });
        }

        var entry = new StatementOverride(StatementOverrideStore.Profile, country, json);
        await overrides.PutAsync(entry, cancellationToken);
        LogReplaced(StatementOverrideStore.Profile, country);
        await audit.AppendAsync(caller, "profile.put", "profile:" + country, country, ["profile"], cancellationToken);
        return new StatementReplaced(entry.Kind, entry.Name);
    }

    /// <summary>
    /// Every member of a profile that does not read, named at once as for every other JSON body (JsonShape), rather
    /// than the first one the serializer stops at. Members the profile does not know are ignored, as when it reads.
    /// </summary>
    private static Problem? Misfits(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return null;
        }

        if (node is not JsonObject)
        {
            return null;
        }

        var errors = new FieldErrors();
        JsonShape.Check(node, LegalProfileJson.Default.LegalProfile, "", errors);
        var misfits = errors.ToDictionary()
            .Select(e => (e.Key, Messages: e.Value.Where(m => m != JsonShape.UnknownField).ToArray()))
            .Where(e => e.Messages.Length > 0)
            .ToDictionary(e => e.Key, e => e.Messages, StringComparer.Ordinal);
        return misfits.Count > 0 ? Problem.Invalid(misfits) : null;
    }

    [GeneratedRegex(@"^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.liquid$", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateName();

    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "Statement {Kind} {Name} replaced by an admin")]
    private partial void LogReplaced(string kind, string name);
}
