using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Organizers;
using RapidResponse.Security;

namespace RapidResponse.Functions.Admin;

public sealed class OrganizersFunction(Authenticator authenticator, OrganizerAdmin organizers)
{
    [Function("CreateOrganizer")]
    public async Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/organizers")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!authenticator.IsAdmin(request))
        {
            return Problem.Unauthorized().ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.NewOrganizerRequest, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var created = await organizers.CreateAsync(body.Value!, cancellationToken);
        return created.Problem?.ToResult()
            ?? TypedResults.Json(created.Value, ApiJson.Default.NewOrganizerResponse, statusCode: StatusCodes.Status201Created);
    }
}
