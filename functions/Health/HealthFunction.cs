using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Storage;

namespace RapidResponse.Functions.Health;

public sealed class HealthFunction(HealthCheck health)
{
    [Function("Health")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        var status = report.Status == "healthy" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        return TypedResults.Json(report, ApiJson.Default.HealthReport, statusCode: status);
    }
}
