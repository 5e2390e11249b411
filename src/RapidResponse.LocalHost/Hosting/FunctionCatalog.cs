using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>An HTTP-triggered function: its verbs and route (under <c>/api</c>).</summary>
public sealed record HttpFunction(string Name, MethodInfo Method, IReadOnlyList<string> Verbs, string Route);

/// <summary>A queue-triggered function: the queue it reads and, if any, the queue its return value goes to.</summary>
public sealed record QueueFunction(string Name, MethodInfo Method, string Queue, Type MessageType, string? OutputQueue);

/// <summary>A timer-triggered function and its schedule (NCRONTAB with seconds, or an interval).</summary>
public sealed record TimerFunction(string Name, MethodInfo Method, string Schedule);

/// <summary>Finds the function classes of an assembly by their attributes, as the Functions runtime does.</summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<HttpFunction> HttpFunctions(Assembly assembly) =>
        Functions(assembly)
            .Select(f => (f.Name, f.Method, Trigger: f.Method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Trigger is not null)
            .Select(f => new HttpFunction(
                f.Name,
                f.Method,
                (f.Trigger!.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToArray(),
                f.Trigger.Route ?? f.Name))
            .ToList();

    public static IReadOnlyList<QueueFunction> QueueFunctions(Assembly assembly) =>
        Functions(assembly)
            .Select(f => (f.Name, f.Method, Parameter: f.Method.GetParameters().FirstOrDefault(p => p.GetCustomAttribute<QueueTriggerAttribute>() is not null)))
            .Where(f => f.Parameter is not null)
            .Select(f => new QueueFunction(
                f.Name,
                f.Method,
                f.Parameter!.GetCustomAttribute<QueueTriggerAttribute>()!.QueueName,
                f.Parameter!.ParameterType,
                f.Method.GetCustomAttribute<QueueOutputAttribute>()?.QueueName))
            .ToList();

    public static IReadOnlyList<TimerFunction> TimerFunctions(Assembly assembly) =>
        Functions(assembly)
            .Select(f => (f.Name, f.Method, Trigger: f.Method.GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Trigger is not null)
            .Select(f => new TimerFunction(f.Name, f.Method, f.Trigger!.Schedule))
            .ToList();

    private static IEnumerable<(string Name, MethodInfo Method)> Functions(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Attribute: m.GetCustomAttribute<FunctionAttribute>(), Method: m))
            .Where(f => f.Attribute is not null)
            .Select(f => (f.Attribute!.Name, f.Method));
}
