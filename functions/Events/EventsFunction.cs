using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Events;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Functions.Events;

public sealed class EventsFunction(Authenticator authenticator, EventRegistry registry)
{
    [Function("RegisterEvent")]
    public async Task<IResult> RegisterAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var organizer = await authenticator.AuthenticateOrganizerAsync(request, cancellationToken);
        if (organizer is null)
        {
            return Problem.Unauthorized().ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.EventRequest, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var registered = await registry.RegisterAsync(organizer, body.Value!, cancellationToken);
        return registered.ToHttpResult(ApiJson.Default.EventView, StatusCodes.Status201Created);
    }

    [Function("ListEvents")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var organizer = await authenticator.AuthenticateOrganizerAsync(request, cancellationToken);
        if (organizer is null)
        {
            return Problem.Unauthorized().ToResult();
        }

        var events = await registry.ListAsync(organizer, cancellationToken);
        return TypedResults.Json(events, ApiJson.Default.IReadOnlyListEventView);
    }
}
