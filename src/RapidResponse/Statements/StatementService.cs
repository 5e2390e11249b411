using RapidResponse.Alerts;
using RapidResponse.Contacts;

namespace RapidResponse.Statements;

/// <summary>A rendered draft: its language, its headline and its Markdown text (what .md, .docx and HTML are made from).</summary>
public sealed record StatementDraft(string Language, string Title, string Markdown);

/// <summary>Renders public statement drafts, follow-ups and diplomats' notices for an alert, in the country's frame.</summary>
public sealed class StatementService(LegalProfiles profiles, StatementTemplates templates)
{
    /// <summary>
    /// The draft's language: the one asked for when the country's profile and the statement template speak it, else
    /// the next of its fallbacks that both do (Kazakh → Russian → English).
    /// </summary>
    public string LanguageFor(Alert alert, string requested) => LanguageFor(alert, requested, $"statement.{alert.Incident.ToWire()}");

    private string LanguageFor(Alert alert, string requested, string template)
    {
        var profile = profiles.For(alert.Region);
        return Languages.Pick(requested, l => l == Languages.Default || (profile.Speaks(l) && templates.Has($"{template}.{l}.liquid")));
    }

    /// <summary>
    /// What a person reads for the alert's region: its place name in the language ("Shymkent" for KZ-SHY), the
    /// country's name for a country code, the code itself only when the profile names neither.
    /// </summary>
    public string PlaceName(Alert alert, string language) => PlaceName(alert.Region, language);

    public string PlaceName(string region, string language)
    {
        var profile = profiles.For(region);
        return profile.Regions.TryGetValue(region, out var place) ? place.In(language)
            : profile.Country == region ? profile.Name.In(language)
            : region;
    }

    public StatementDraft RenderStatement(Alert alert, string language) =>
        Render($"statement.{alert.Incident.ToWire()}", alert, LanguageFor(alert, language), null, null);

    /// <summary>
    /// An updated draft after the alert moved on: still held, charged, released, injured, or resolved, dated
    /// <paramref name="at"/> (when the organizer sent the update).
    /// </summary>
    public StatementDraft RenderFollowUp(Alert alert, FollowUp status, string? message, DateTimeOffset at, string language)
    {
        var template = $"followup.{status.ToWire()}";
        var chosen = LanguageFor(alert, language, template);
        return Render(template, alert, chosen, message, Placeholders.Date(at, chosen));
    }

    /// <summary>A short notice for embassies and missions, framed by the EU Guidelines on Human Rights Defenders.</summary>
    public StatementDraft RenderDiplomatNotice(Alert alert, string language) =>
        Render("diplomat", alert, LanguageFor(alert, language, "diplomat"), null, null);

    private StatementDraft Render(string template, Alert alert, string language, string? update, string? updateDate)
    {
        var model = StatementModel.Build(alert, profiles.For(alert.Region), language);
        model["update"] = string.IsNullOrWhiteSpace(update) ? null : update;
        model["update_date"] = updateDate;
        var markdown = Tidy(templates.Render($"{template}.{language}.liquid", model));
        var title = markdown.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..] ?? template;
        return new StatementDraft(language, title, markdown);
    }

    /// <summary>Liquid tags leave blank lines behind; a draft has one blank line between paragraphs and none inside a list.</summary>
    private static string Tidy(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0))
            {
                continue;
            }

            // A blank line left between two bullets by a {% for %} loop would split one list into many.
            if (line.StartsWith("- ", StringComparison.Ordinal) && kept.Count > 1 && kept[^1].Length == 0 && kept[^2].StartsWith("- ", StringComparison.Ordinal))
            {
                kept.RemoveAt(kept.Count - 1);
            }

            kept.Add(line);
        }

        return string.Join('\n', kept).Trim() + "\n";
    }
}
