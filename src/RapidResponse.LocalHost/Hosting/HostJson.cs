using System.Globalization;
using Microsoft.Azure.WebJobs.Host;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>
/// host.json as the Functions host reads it, with the host's override rule: a setting
/// <c>AzureFunctionsJobHost:&lt;path&gt;</c> (environment <c>AzureFunctionsJobHost__extensions__queues__batchSize</c>)
/// replaces the value at that path.
/// </summary>
public sealed class HostJson(IConfiguration settings)
{
    public const string FileName = "host.json";
    public const string OverridesSection = "AzureFunctionsJobHost";

    private const string DefaultRoutePrefix = "api";
    private static readonly TimeSpan DefaultFunctionTimeout = TimeSpan.FromMinutes(5);

    public IConfiguration Settings { get; } = settings;

    /// <summary><c>extensions.http.routePrefix</c>; <c>api</c> when absent, none when empty.</summary>
    public string RoutePrefix => Settings["extensions:http:routePrefix"] ?? DefaultRoutePrefix;

    public TimeSpan FunctionTimeout => Settings["functionTimeout"] is { } timeout
        ? TimeSpan.Parse(timeout, CultureInfo.InvariantCulture)
        : DefaultFunctionTimeout;

    /// <summary><c>extensions.queues</c>, the section the Storage queue extension reads.</summary>
    public IConfigurationSection Queues => Settings.GetSection("extensions:queues");

    public static HostJson Load(string path, IConfiguration? configuration = null)
    {
        var settings = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false);
        if (configuration?.GetSection(OverridesSection) is { } overrides)
        {
            settings.AddInMemoryCollection(overrides.AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null));
        }

        return new HostJson(settings.Build());
    }

    /// <summary>The function timeout as WebJobs applies it: the invocation's token is cancelled.</summary>
    public void Configure(JobHostFunctionTimeoutOptions options)
    {
        options.Timeout = FunctionTimeout;
        options.TimeoutWhileDebugging = true;
    }
}
