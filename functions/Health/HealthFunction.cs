using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Operations;

namespace RapidResponse.Functions.Health;

public sealed class HealthFunction(ServiceHealth health)
{
    [Function("Health")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        // Degraded still answers 200: the service takes presses and holds sends; the body names what is down.
        var status = report.Status == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        return TypedResults.Json(report, ApiJson.Default.HealthReport, statusCode: status);
    }
}
