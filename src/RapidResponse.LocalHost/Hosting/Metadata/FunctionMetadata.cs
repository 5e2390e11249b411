using System.Text.Json;

namespace RapidResponse.LocalHost.Hosting.Metadata;

/// <summary>
/// One function of the build's <c>functions.metadata</c>, the file the Functions host reads to learn what the worker
/// runs: its name, the worker method (<c>entryPoint</c> in <c>scriptFile</c>) and its bindings.
/// </summary>
public sealed record FunctionMetadata(string Name, string EntryPoint, IReadOnlyList<BindingMetadata> Bindings, string? ScriptFile = null)
{
    public const string FileName = "functions.metadata";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The input binding whose type ends in <c>Trigger</c> (null when there is none; the rules refuse two).</summary>
    public BindingMetadata? Trigger => Bindings.FirstOrDefault(b => b.IsTrigger);

    /// <summary>The output binding of the function's return value, if any.</summary>
    public BindingMetadata? ReturnOutput => Bindings.SingleOrDefault(b => b is { Name: "$return", IsInput: false });

    public static IReadOnlyList<FunctionMetadata> Load(string path) => Parse(File.ReadAllText(path));

    public static IReadOnlyList<FunctionMetadata> Parse(string json) =>
        JsonSerializer.Deserialize<List<FunctionMetadata>>(json, Json) ?? throw new InvalidDataException("functions.metadata is empty.");
}

/// <summary>A binding as <c>functions.metadata</c> spells it; only the members the host's validation and this host read.</summary>
public sealed record BindingMetadata(
    string Name,
    string Type,
    string Direction,
    string? Route = null,
    IReadOnlyList<string>? Methods = null,
    string? QueueName = null,
    string? Connection = null,
    string? Schedule = null)
{
    public const string HttpTrigger = "httpTrigger";
    public const string QueueTrigger = "queueTrigger";
    public const string TimerTrigger = "timerTrigger";
    public const string Http = "http";
    public const string Queue = "queue";

    public bool IsInput => string.Equals(Direction, "In", StringComparison.OrdinalIgnoreCase);

    public bool IsTrigger => IsInput && Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);
}
