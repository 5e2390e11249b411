using RapidResponse.Storage;

namespace RapidResponse.Operations;

/// <summary><c>GET /api/health</c>: storage answers (<see cref="HealthCheck"/>), and no provider is refusing sends.</summary>
public sealed class ServiceHealth(HealthCheck storage, ProviderOutages outages)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await storage.CheckAsync(cancellationToken);
        if (!report.Tables)
        {
            return report;
        }

        var down = await outages.DownAsync(cancellationToken);
        return down.Count == 0
            ? report
            : report with { Status = "degraded", ProvidersDown = down.Select(p => p.Provider).Order(StringComparer.Ordinal).ToList() };
    }
}
