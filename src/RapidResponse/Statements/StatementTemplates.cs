using System.Reflection;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace RapidResponse.Statements;

/// <summary>
/// The Liquid templates under <c>Statements/Templates/</c> (embedded), parsed once at start-up with Fluid.
/// A template that does not parse, or includes a partial that does not exist, stops the start with its file and line.
/// </summary>
public sealed partial class StatementTemplates
{
    private const string ResourcePrefix = "RapidResponse.Statements.Templates.";
    private static readonly FluidParser Parser = new();
    private readonly Dictionary<string, IFluidTemplate> parsed = new(StringComparer.Ordinal);
    private readonly TemplateOptions options;

    public StatementTemplates(IReadOnlyDictionary<string, string> sources)
    {
        var errors = sources.SelectMany(s => Validate(s.Key, s.Value, sources.Keys)).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid statement templates: " + string.Join("; ", errors));
        }

        foreach (var (name, source) in sources)
        {
            parsed[name] = Parser.Parse(source);
        }

        options = new TemplateOptions { FileProvider = new InMemoryTemplateFiles(sources) };

        // `{{ who | end_sentence }}`: "Zhanar S." closes a sentence without a second full stop.
        options.Filters.AddFilter("end_sentence", (input, _, _) => new ValueTask<FluidValue>(new StringValue(Sentences.End(input.ToStringValue()))));
    }

    public IReadOnlyCollection<string> Names => parsed.Keys;

    public static StatementTemplates FromAssembly()
    {
        var assembly = typeof(StatementTemplates).Assembly;
        var sources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[ResourcePrefix.Length..], n => Read(assembly, n), StringComparer.Ordinal);
        return new StatementTemplates(sources);
    }

    public bool Has(string name) => parsed.ContainsKey(name);

    /// <summary>
    /// Every reason <paramref name="source"/> cannot be used as <paramref name="name"/>: a parse error with its line,
    /// or an include of a template that is not among <paramref name="known"/>. Empty when the template is good.
    /// </summary>
    public static IReadOnlyList<TemplateError> Validate(string name, string source, IEnumerable<string> known)
    {
        if (!Parser.TryParse(source, out _, out var error))
        {
            return [new TemplateError(name, LineOf(error, source), error)];
        }

        var names = known.ToHashSet(StringComparer.Ordinal);
        return Include().Matches(source)
            .Where(m => !names.Contains(m.Groups["name"].Value))
            .Select(m => new TemplateError(name, source[..m.Index].Count(c => c == '\n') + 1, $"includes '{m.Groups["name"].Value}', which does not exist"))
            .ToList();
    }

    /// <summary>Renders a template to Markdown. Values are written as given: the output is Markdown, not HTML.</summary>
    public string Render(string name, IReadOnlyDictionary<string, object?> model)
    {
        var context = new TemplateContext(options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value ?? Fluid.Values.NilValue.Instance);
        }

        return parsed[name].Render(context, NullEncoder.Default);
    }

    private static int LineOf(string error, string source)
    {
        // Fluid reports the position as "(line:column)"; an error at the very end names no position, so blame the last line.
        var match = Position().Match(error);
        return match.Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : source.Count(c => c == '\n') + 1;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\((?<line>\d+):(?<column>\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Position();

    [GeneratedRegex(@"\{%-?\s*include\s+'(?<name>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex Include();
}
