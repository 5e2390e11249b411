using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Organizers;
using RapidResponse.Security;

namespace RapidResponse.Functions.Organizers;

public sealed class MeFunction(Authenticator authenticator, OrganizerSettings settings)
{
    [Function("PutMe")]
    public async Task<IResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var organizer = await authenticator.AuthenticateOrganizerAsync(request, cancellationToken);
        if (organizer is null)
        {
            return Problem.Unauthorized().ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.MeRequest, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var updated = await settings.UpdateAsync(organizer, body.Value!, cancellationToken);
        return updated.ToHttpResult(ApiJson.Default.MeView);
    }
}
