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
    private readonly Lock replacing = new();
    private volatile Library library;

    public StatementTemplates(IReadOnlyDictionary<string, string> sources)
    {
        var errors = sources.SelectMany(s => Validate(s.Key, s.Value, sources.Keys)).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid statement templates: " + string.Join("; ", errors));
        }

        library = Library.Build(sources);
    }

    public IReadOnlyCollection<string> Names => [.. library.Parsed.Keys];

    public static StatementTemplates FromAssembly()
    {
        var assembly = typeof(StatementTemplates).Assembly;
        var sources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[ResourcePrefix.Length..], n => Read(assembly, n), StringComparer.Ordinal);
        return new StatementTemplates(sources);
    }

    public bool Has(string name) => library.Parsed.ContainsKey(name);

    /// <summary>The source of a template as it is used now (after any replacement).</summary>
    public string? Source(string name) => library.Sources.GetValueOrDefault(name);

    /// <summary>
    /// Replaces (or adds) one template while the service runs: validated first, so a template that does not parse
    /// or includes a missing one changes nothing and comes back as errors naming its lines.
    /// </summary>
    public IReadOnlyList<TemplateError> Replace(string name, string source)
    {
        lock (replacing)
        {
            var current = library;
            var errors = Validate(name, source, current.Sources.Keys.Append(name));
            if (errors.Count == 0)
            {
                library = Library.Build(new Dictionary<string, string>(current.Sources, StringComparer.Ordinal) { [name] = source });
            }

            return errors;
        }
    }

    /// <summary>
    /// Every reason <paramref name="source"/> cannot be used as <paramref name="name"/>: a parse error with its line,
    /// or an include of a template that is not among <paramref name="known"/>. Empty when the template is good.
    /// </summary>
    public static IReadOnlyList<TemplateError> Validate(string name, string source, IEnumerable<string> known)
    {
        if (!Parser.TryParse(source, out _, out var error))
        {
            var (line, column) = PositionOf(error, source);
            return [new TemplateError(name, line, error, column)];
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
        var current = library;
        var context = new TemplateContext(current.Options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value ?? Fluid.Values.NilValue.Instance);
        }

        return current.Parsed[name].Render(context, NullEncoder.Default);
    }

    private static (int Line, int Column) PositionOf(string error, string source)
    {
        // Fluid reports the position as "(line:column)"; an error at the very end names no position, so blame the last line.
        var match = Position().Match(error);
        return match.Success
            ? (int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (source.Count(c => c == '\n') + 1, 0);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>One consistent set of templates: swapped whole when one is replaced, so a render never sees half a change.</summary>
    private sealed record Library(IReadOnlyDictionary<string, string> Sources, IReadOnlyDictionary<string, IFluidTemplate> Parsed, TemplateOptions Options)
    {
        public static Library Build(IReadOnlyDictionary<string, string> sources)
        {
            var options = new TemplateOptions { FileProvider = new InMemoryTemplateFiles(sources) };

            // `{{ who | end_sentence }}`: "Zhanar S." closes a sentence without a second full stop.
            options.Filters.AddFilter("end_sentence", (input, _, _) => new ValueTask<FluidValue>(new StringValue(Sentences.End(input.ToStringValue()))));
            var parsed = sources.ToDictionary(s => s.Key, s => Parser.Parse(s.Value), StringComparer.Ordinal);
            return new Library(sources, parsed, options);
        }
    }

    [GeneratedRegex(@"\((?<line>\d+):(?<column>\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Position();

    [GeneratedRegex(@"\{%-?\s*include\s+'(?<name>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex Include();
}
