using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Alerts;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Functions.Alerts;

public sealed class PanicFunction(Authenticator authenticator, AlertIntake intake)
{
    [Function("Panic")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "panic")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var organizer = await authenticator.AuthenticateOrganizerAsync(request, cancellationToken);
        if (organizer is null)
        {
            return Problem.Unauthorized().ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.PanicRequest, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var idempotencyKey = request.Headers.TryGetValue("Idempotency-Key", out var key) ? key.ToString() : null;
        var accepted = await intake.RaiseAsync(organizer, body.Value!, idempotencyKey, cancellationToken);
        return accepted.ToHttpResult(ApiJson.Default.PanicAccepted, StatusCodes.Status202Accepted);
    }
}
