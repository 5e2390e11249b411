using System.Reflection;
using System.Text.Json;
using RapidResponse.Contacts;

namespace RapidResponse.Statements;

/// <summary>
/// The country legal profiles, one JSON file per country under <c>Statements/Profiles/</c>, embedded in the assembly.
/// Loaded once at start-up: a profile with an item lacking its source fails the start, not a statement at 3 a.m.
/// </summary>
public sealed class LegalProfiles
{
    private const string ResourcePrefix = "RapidResponse.Statements.Profiles.";
    private readonly Lock replacing = new();
    private volatile Dictionary<string, LegalProfile> byCountry;

    public LegalProfiles(IEnumerable<LegalProfile> profiles)
    {
        byCountry = profiles.ToDictionary(p => p.Country, StringComparer.Ordinal);
        var errors = byCountry.Values.SelectMany(Validate).ToList();
        if (!byCountry.ContainsKey(RegionCode.International))
        {
            errors.Add("the INTL profile is missing: it serves every country without its own");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid legal profiles: " + string.Join("; ", errors));
        }
    }

    public IReadOnlyCollection<LegalProfile> All => byCountry.Values;

    public static LegalProfiles FromAssembly()
    {
        var assembly = typeof(LegalProfiles).Assembly;
        var profiles = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => Parse(n[ResourcePrefix.Length..], Read(assembly, n)));
        return new LegalProfiles(profiles);
    }

    public static LegalProfile Parse(string fileName, string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, LegalProfileJson.Default.LegalProfile)
                ?? throw new InvalidOperationException($"{fileName}: empty profile");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{fileName}: line {e.LineNumber + 1}: {e.Message}", e);
        }
    }

    /// <summary>Replaces (or adds) one country's profile while the service runs; an invalid one changes nothing.</summary>
    public IReadOnlyList<string> Replace(LegalProfile profile)
    {
        var errors = Validate(profile).ToList();
        if ((profile.Items ?? []).Count == 0)
        {
            errors.Add($"{profile.Country}: a profile needs at least one item");
        }

        if (errors.Count == 0)
        {
            lock (replacing)
            {
                byCountry = new Dictionary<string, LegalProfile>(byCountry, StringComparer.Ordinal) { [profile.Country] = profile };
            }
        }

        return errors;
    }

    /// <summary>The country's own profile (<c>KZ</c>, <c>INTL</c>), or null.</summary>
    public LegalProfile? Find(string country) => byCountry.GetValueOrDefault(country);

    /// <summary>
    /// A profile as JSON, indented, in the shape <see cref="Parse"/> reads: what a coordinator edits. Cyrillic and
    /// Kazakh letters are written as themselves, not as <c>\uXXXX</c>: readable, and six times shorter, so a profile
    /// read back and saved stays within a table property's 32K characters.
    /// </summary>
    public static string ToJson(LegalProfile profile) =>
        JsonSerializer.Serialize(profile, Editable.LegalProfile);

    private static readonly LegalProfileJson Editable = new(new JsonSerializerOptions(LegalProfileJson.Default.Options)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    });

    /// <summary>The profile of the alert's country, or the international one.</summary>
    public LegalProfile For(string region) =>
        RegionCode.Country(region) is { } country && byCountry.TryGetValue(country, out var profile)
            ? profile
            : byCountry[RegionCode.International];

    /// <summary>
    /// Nulls where the profile needs a value (JSON allows them, the model does not), by field: <c>items[0]</c>,
    /// <c>languages[1]</c>, <c>name</c>. Checked before <see cref="Validate"/>, which reads those members.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> NullEntries(LegalProfile profile)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Required(string field, object? value)
        {
            if (value is null)
            {
                errors[field] = ["is required"];
            }
        }

        void Entries<T>(string field, IReadOnlyList<T?>? list)
        {
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                if (list![i] is null)
                {
                    errors[$"{field}[{i}]"] = ["must not be null"];
                }
            }
        }

        Required("languages", profile.Languages);
        Required("name", profile.Name);
        Required("locative", profile.Locative);
        Required("government", profile.Government);
        Required("parliament", profile.Parliament);
        Required("items", profile.Items);
        Entries("languages", profile.Languages);
        Entries("items", profile.Items);
        foreach (var (region, name) in profile.Regions ?? new Dictionary<string, Localized>())
        {
            Required($"regions.{region}", name);
        }

        return errors;
    }

    /// <summary>
    /// Every broken rule of a profile: each item needs its text in every language of the profile, its source document
    /// and an https link to it.
    /// </summary>
    public static IEnumerable<string> Validate(LegalProfile profile)
    {
        foreach (var language in profile.Caveat is null ? [] : profile.Languages ?? [])
        {
            if (string.IsNullOrWhiteSpace(profile.Caveat!.GetValueOrDefault(language)))
            {
                yield return $"{profile.Country}: the caveat has no '{language}' text";
            }
        }

        foreach (var item in profile.Items ?? [])
        {
            var where = $"{profile.Country}/{item.Id}";
            if (string.IsNullOrWhiteSpace(item.Text?.In("en")))
            {
                yield return $"{where}: no English text";
            }

            // A Russian draft must not quote an English text: every language the profile speaks needs its own.
            foreach (var language in (profile.Languages ?? []).Where(l => l != "en" && string.IsNullOrWhiteSpace(item.Text?.GetValueOrDefault(l))))
            {
                yield return $"{where}: no '{language}' text, though the profile speaks it";
            }

            if (string.IsNullOrWhiteSpace(item.Source?.In("en")))
            {
                yield return $"{where}: no source document";
            }

            if (item.Link is not { IsAbsoluteUri: true } link || link.Scheme != Uri.UriSchemeHttps)
            {
                yield return $"{where}: no https link to the source";
            }

            if (item.Kind is not (LegalItem.Constitution or LegalItem.Treaty or LegalItem.Declaration or LegalItem.Upr))
            {
                yield return $"{where}: kind must be constitution, treaty, declaration or upr";
            }
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
