using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Organizers;
using RapidResponse.Security;

namespace RapidResponse.Functions.Manage;

public sealed class OrganizersFunction(ManageGate gate, OrganizerAdmin organizers, OrganizerTokens tokens)
{
    [Function("CreateOrganizer")]
    public async Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/organizers")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.EditOrganizers, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.NewOrganizerRequest, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var created = await organizers.CreateAsync(admitted.Value!, body.Value!, cancellationToken);
        return created.ToHttpResult(ApiJson.Default.NewOrganizerResponse, StatusCodes.Status201Created);
    }

    /// <summary>Rotates the organizer's token: the new one is shown this once, the old one fails at once.</summary>
    [Function("RotateOrganizerToken")]
    public async Task<IResult> RotateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/organizers/{organizerId}/token")] HttpRequest request,
        string organizerId,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.EditOrganizers, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var rotated = await tokens.RotateAsync(admitted.Value!, organizerId, cancellationToken);
        return rotated.ToHttpResult(ApiJson.Default.NewOrganizerResponse);
    }

    /// <summary>Revokes the organizer's token: it fails at once, until the token is rotated.</summary>
    [Function("RevokeOrganizerToken")]
    public async Task<IResult> RevokeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "manage/organizers/{organizerId}/token")] HttpRequest request,
        string organizerId,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.EditOrganizers, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var problem = await tokens.RevokeAsync(admitted.Value!, organizerId, cancellationToken);
        return problem?.ToResult() ?? TypedResults.NoContent();
    }
}
