using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Resources;

namespace RapidResponse.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// Exports the service's traces and metrics (and ASP.NET Core's and HttpClient's own) to Azure Monitor when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set; without it nothing is exported. Logs are not exported here:
    /// the Functions host already forwards the worker's logs to Application Insights, and exporting them twice would
    /// duplicate every record.
    /// </summary>
    public static IServiceCollection AddRapidResponseTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        var credential = Credential(configuration[AuthenticationStringKey]);
        void Configure(AzureMonitorExporterOptions options)
        {
            options.ConnectionString = connectionString;
            options.Credential = credential;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(RapidResponseTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(RapidResponseTelemetry.Name, "Microsoft.AspNetCore", "System.Net.Http")
                .AddAzureMonitorTraceExporter(Configure))
            .WithMetrics(metrics => metrics
                .AddMeter(RapidResponseTelemetry.Name, "Microsoft.AspNetCore.Hosting", "System.Net.Http")
                .AddAzureMonitorMetricExporter(Configure));
        return services;
    }

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
