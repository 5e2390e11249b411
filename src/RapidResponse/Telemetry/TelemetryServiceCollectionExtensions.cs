using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace RapidResponse.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// Exports the service's traces, metrics and logs (with HttpClient's, and ASP.NET Core's unless the host records
    /// requests itself: <see cref="TelemetryHostOptions"/>) to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>
    /// is set; without it nothing is exported. Logs are exported here because, under the Functions host, the worker
    /// tells the host it sends its own telemetry (<c>UseFunctionsWorkerDefaults</c>), and the host then stops forwarding them.
    /// </summary>
    public static IServiceCollection AddRapidResponseTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsExporting(configuration))
        {
            return services;
        }

        var connectionString = configuration[ConnectionStringKey];
        var credential = Credential(configuration[AuthenticationStringKey]);
        services.AddOptions<TelemetryHostOptions>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(RapidResponseTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(RapidResponseTelemetry.Name, "System.Net.Http"))
            .WithMetrics(metrics => metrics
                .AddMeter(RapidResponseTelemetry.Name, "System.Net.Http"))
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = credential;
            });
        services.ConfigureOpenTelemetryTracerProvider((provider, tracing) => tracing.AddSource(AspNetCore(provider, "Microsoft.AspNetCore")));
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) => metrics.AddMeter(AspNetCore(provider, "Microsoft.AspNetCore.Hosting")));
        return services;
    }

    /// <summary>Whether telemetry leaves the process: only with an Application Insights connection string.</summary>
    public static bool IsExporting(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[ConnectionStringKey]);

    // ASP.NET Core's request spans and metrics, unless the host records the requests itself.
    private static string[] AspNetCore(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptions<TelemetryHostOptions>>().Value.HostRecordsRequests ? [] : [name];

    /// <summary>
    /// Application Insights with local authentication off takes only Entra tokens. The deployment says which identity
    /// in <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>Authorization=AAD;ClientId=…</c>), as the Functions host reads it.
    /// </summary>
    internal static TokenCredential? Credential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !string.Equals(kind, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
