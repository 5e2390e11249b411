using System.Text.Json;
using System.Text.Json.Serialization;
using RapidResponse.Alerts;

namespace RapidResponse.Statements;

/// <summary>
/// One text in several languages (ISO 639-1 keys). English is the fallback every profile must carry; a Kazakh reader
/// gets the Russian text where there is no Kazakh one (<see cref="Contacts.Languages.Fallbacks"/>).
/// </summary>
public sealed class Localized : Dictionary<string, string>
{
    public Localized()
        : base(StringComparer.Ordinal)
    {
    }

    public string In(string language) => this.GetValueOrDefault(Contacts.Languages.Pick(language, ContainsKey), "");
}

/// <summary>
/// A country's legal commitments, as data a coordinator can replace without a release. <see cref="Caveat"/>, when
/// set, is what a press officer must check before relying on the profile (a constitution being replaced, say); every
/// draft's banner carries it.
/// </summary>
public sealed record LegalProfile(
    string Country,
    IReadOnlyList<string> Languages,
    Localized Name,
    Localized Locative,
    Localized Government,
    Localized Parliament,
    IReadOnlyDictionary<string, Localized> Regions,
    IReadOnlyList<LegalItem> Items,
    Localized? Caveat = null)
{
    public bool Speaks(string language) => Languages.Contains(language, StringComparer.Ordinal);

    /// <summary>The items that apply to an incident: those without an incident list apply to all.</summary>
    public IEnumerable<LegalItem> For(Incident incident) =>
        Items.Where(i => i.Incidents is null || i.Incidents.Contains(incident.ToWire(), StringComparer.Ordinal));
}

/// <summary>
/// One commitment: a constitutional provision, a treaty, a declaration or a UPR recommendation.
/// <see cref="Text"/> is quoted or closely paraphrased from <see cref="Source"/>; never written from memory.
/// <see cref="Verbatim"/> false marks a paraphrase or an unofficial translation, which a draft does not put in
/// quotation marks. <see cref="Accepted"/> false marks a UPR recommendation whose acceptance is not confirmed, which a
/// draft does not call accepted. <see cref="Translated"/> lists the languages whose text is the project's own
/// translation rather than an official text ("kk" for Kazakhstan's items): a draft in one of those never quotes it as
/// the article's wording and says it is a translation.
/// </summary>
public sealed record LegalItem(
    string Id,
    string Kind,
    Localized Text,
    Localized Source,
    Localized? Article,
    Uri Link,
    IReadOnlyList<string>? Incidents,
    bool Verbatim = true,
    bool Accepted = true,
    IReadOnlyList<string>? Translated = null)
{
    public const string Constitution = "constitution";
    public const string Treaty = "treaty";
    public const string Declaration = "declaration";
    public const string Upr = "upr";

    /// <summary>True when the text in <paramref name="language"/> is the project's own translation.</summary>
    public bool TranslatedIn(string language) => Translated?.Contains(language, StringComparer.Ordinal) == true;

    /// <summary>"Constitution of the Republic of Kazakhstan, Article 17".</summary>
    public string Cite(string language) =>
        Article is null ? Source.In(language) : $"{Source.In(language)}, {Article.In(language)}";
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(LegalProfile))]
internal sealed partial class LegalProfileJson : JsonSerializerContext;
