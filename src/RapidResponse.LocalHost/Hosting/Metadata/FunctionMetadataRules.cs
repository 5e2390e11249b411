using System.Text.RegularExpressions;

namespace RapidResponse.LocalHost.Hosting.Metadata;

/// <summary>
/// The checks the Functions host makes before it serves a function (azure-functions-host's
/// <c>ScriptHost.ValidateFunction</c>: reserved <c>admin</c>/<c>runtime</c> routes, conflicting routes, unique
/// names), plus what this app holds itself to: no catch-all route (the host's router is first-match, so one would
/// shadow the routes after it), known HTTP methods, queues of <c>QueueNames</c> with valid names, and only the
/// storage connection the app configures. The local host refuses to start on any of them; a test runs them on the build.
/// </summary>
public static partial class FunctionMetadataRules
{
    /// <summary>The connection a binding without <c>connection</c> uses, on either host.</summary>
    public const string DefaultConnection = "AzureWebJobsStorage";

    /// <summary>The host's own message for a route under its reserved prefixes.</summary>
    public const string ReservedRouteMessage = "The specified route conflicts with one or more built in routes.";

    private static readonly HashSet<string> HttpMethods = new(["get", "post", "put", "delete", "patch", "head", "options", "trace"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> SupportedBindings = new(
        [BindingMetadata.HttpTrigger, BindingMetadata.Http, BindingMetadata.QueueTrigger, BindingMetadata.Queue, BindingMetadata.TimerTrigger], StringComparer.OrdinalIgnoreCase);

    /// <summary>Every rule each function breaks, one line each, naming the function; empty when all is well.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<FunctionMetadata> functions, IReadOnlyCollection<string> queues, IReadOnlyCollection<string> connections)
    {
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var routes = new List<(string Function, string Route, IReadOnlyList<string>? Methods)>();
        foreach (var function in functions)
        {
            void Problem(string text) => problems.Add($"Function '{function.Name}': {text}");

            if (!names.Add(function.Name))
            {
                Problem($"The function or proxy name '{function.Name}' must be unique within the function app.");
            }

            if (function.Bindings.Count(b => b.IsTrigger) != 1)
            {
                Problem("needs exactly one trigger binding.");
            }

            foreach (var binding in function.Bindings)
            {
                if (!SupportedBindings.Contains(binding.Type))
                {
                    Problem($"binding '{binding.Name}' of type '{binding.Type}' is not one this app uses.");
                }

                if (binding.Is(BindingMetadata.QueueTrigger) || binding.Is(BindingMetadata.Queue))
                {
                    CheckQueue(binding, queues, connections, Problem);
                }
            }

            if (function.Trigger is { } trigger && trigger.Is(BindingMetadata.HttpTrigger))
            {
                var route = RouteOf(function);
                CheckRoute(route, trigger.Methods, Problem);
                foreach (var other in routes.Where(r => Conflict(r.Route, r.Methods, route, trigger.Methods)))
                {
                    Problem($"The route specified conflicts with the route defined by function '{other.Function}'.");
                }

                routes.Add((function.Name, route, trigger.Methods));
            }
        }

        return problems;
    }

    /// <summary>Throws with every problem listed, as start-up does.</summary>
    public static void EnsureValid(IReadOnlyList<FunctionMetadata> functions, IReadOnlyCollection<string> queues, IReadOnlyCollection<string> connections)
    {
        var problems = Check(functions, queues, connections);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The Functions host would refuse this app:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }

    /// <summary>The route as the host registers it: the function's name when the trigger gives none.</summary>
    public static string RouteOf(FunctionMetadata function) =>
        string.IsNullOrWhiteSpace(function.Trigger?.Route) ? function.Name : function.Trigger.Route;

    private static void CheckRoute(string route, IReadOnlyList<string>? methods, Action<string> problem)
    {
        // The host's rule is a prefix test on the trimmed, lower-cased route (so "administration" is refused too),
        // whatever extensions.http.routePrefix is: /admin and /runtime are its own APIs.
        var trimmed = route.Trim('/').ToLowerInvariant();
        if (trimmed.StartsWith("admin", StringComparison.Ordinal) || trimmed.StartsWith("runtime", StringComparison.Ordinal))
        {
            problem($"route '{route}': {ReservedRouteMessage}");
        }

        if (route.Contains("{*", StringComparison.Ordinal))
        {
            problem($"route '{route}' is a catch-all; the host's router takes the first match in order, so it would answer for the routes after it.");
        }

        foreach (var method in (methods ?? []).Where(m => !HttpMethods.Contains(m)))
        {
            problem($"'{method}' is not an HTTP method.");
        }
    }

    // As the host's HttpRoutesConflict: the same route (ignoring case and outer slashes) and a shared method, where
    // no methods means all of them.
    private static bool Conflict(string route, IReadOnlyList<string>? methods, string otherRoute, IReadOnlyList<string>? otherMethods) =>
        string.Equals(route.Trim('/'), otherRoute.Trim('/'), StringComparison.OrdinalIgnoreCase)
        && (methods is not { Count: > 0 } || otherMethods is not { Count: > 0 }
            || methods.Intersect(otherMethods, StringComparer.OrdinalIgnoreCase).Any());

    private static void CheckQueue(BindingMetadata binding, IReadOnlyCollection<string> queues, IReadOnlyCollection<string> connections, Action<string> problem)
    {
        if (binding.QueueName is not { } queue || !QueueName().IsMatch(queue))
        {
            problem($"binding '{binding.Name}': '{binding.QueueName}' is not a valid queue name (3-63 lower-case letters, digits and single hyphens).");
        }
        else if (!queues.Contains(queue, StringComparer.Ordinal))
        {
            problem($"binding '{binding.Name}': queue '{queue}' is not one of the app's queues ({string.Join(", ", queues)}).");
        }

        var connection = binding.Connection ?? DefaultConnection;
        if (!connections.Contains(connection, StringComparer.Ordinal))
        {
            problem($"binding '{binding.Name}': connection '{connection}' is not configured ({string.Join(", ", connections)}).");
        }
    }

    // Azure Storage: 3-63 characters, lower-case letters, digits and hyphens, starting and ending with a letter or
    // digit, no two hyphens in a row.
    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex QueueName();
}
