using System.Reflection;
using RapidResponse.LocalHost.Hosting.Metadata;
using RapidResponse.Storage;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>A function of the build's metadata with the worker method its <c>entryPoint</c> names.</summary>
public sealed record WorkerFunction(FunctionMetadata Metadata, MethodInfo Method)
{
    public string Name => Metadata.Name;

    public BindingMetadata Trigger => Metadata.Trigger!;
}

/// <summary>Reads <c>functions.metadata</c> as the Functions host does, refuses what the host would refuse, and finds each entry point.</summary>
public static class WorkerFunctions
{
    /// <summary>The queues a function may name: each of the contract's queues and the poison queue the listener gives it.</summary>
    public static readonly IReadOnlyList<string> KnownQueues = [.. QueueNames.All, .. QueueNames.All.Select(QueueNames.Poison)];

    /// <summary>The storage connections the app configures (the host's own, also used by the app's clients).</summary>
    public static readonly IReadOnlyList<string> KnownConnections = [FunctionMetadataRules.DefaultConnection];

    public static IReadOnlyList<WorkerFunction> Load(string metadataPath)
    {
        var metadata = FunctionMetadata.Load(metadataPath);
        FunctionMetadataRules.EnsureValid(metadata, KnownQueues, KnownConnections);
        return metadata.Select(f => new WorkerFunction(f, EntryPoint(f))).ToList();
    }

    private static MethodInfo EntryPoint(FunctionMetadata function)
    {
        var assembly = Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(function.ScriptFile ?? "RapidResponse.Functions.dll")));
        var split = function.EntryPoint.LastIndexOf('.');
        var type = assembly.GetType(function.EntryPoint[..split])
            ?? throw new InvalidOperationException($"Function '{function.Name}': no type for entry point {function.EntryPoint}.");
        return type.GetMethod(function.EntryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"Function '{function.Name}': no public method {function.EntryPoint}.");
    }
}
