using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Telemetry;

namespace RapidResponse.Functions;

public static class FunctionsTelemetryExtensions
{
    /// <summary>
    /// Telemetry the Functions way (host.json <c>telemetryMode: OpenTelemetry</c>): the host records each invocation and
    /// HTTP request, the worker's spans continue the host's trace (<c>UseFunctionsWorkerDefaults</c>), and the worker
    /// exports its own spans, metrics and logs, leaving ASP.NET Core's request spans to the host so no request counts twice.
    /// </summary>
    public static IServiceCollection AddRapidResponseFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TelemetryHostOptions>(options => options.HostRecordsRequests = true);
        if (TelemetryServiceCollectionExtensions.IsExporting(configuration))
        {
            // Only when the worker exports: it tells the host to stop sending the worker's telemetry on its behalf.
            services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        }

        return services;
    }
}
