using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Organizers;
using RapidResponse.Security;

namespace RapidResponse.Functions.Manage;

public sealed class OrganizersFunction(ManageGate gate, OrganizerAdmin organizers, OrganizerTokens tokens, OrganizerDirectory directory, SignInCards cards)
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
        return Issued(request, created, StatusCodes.Status201Created);
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
        return Issued(request, rotated, StatusCodes.Status200OK);
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

    [Function("ListOrganizers")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/organizers")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // The list holds no phone, token or code, no more than a contact list: a viewer of the regions may read it.
        var admitted = await gate.AdmitAsync(request, ManageAction.ReadContacts, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        return TypedResults.Json(await directory.ListAsync(admitted.Value!, cancellationToken), ApiJson.Default.IReadOnlyListOrganizerView);
    }

    [Function("SetOrganizerRegions")]
    public async Task<IResult> SetRegionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/organizers/{organizerId}/regions")] HttpRequest request,
        string organizerId,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.EditOrganizers, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.OrganizerRegionsRequest, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var changed = await directory.SetRegionsAsync(admitted.Value!, organizerId, body.Value!, cancellationToken);
        return changed.ToHttpResult(ApiJson.Default.OrganizerView);
    }

    // The answer carries a credential (the token, its link and QR code): never kept by a browser or a proxy.
    private IResult Issued(HttpRequest request, Result<NewOrganizerResponse> issued, int status)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return issued.Problem?.ToResult() ?? TypedResults.Json(cards.With(issued.Value!), ApiJson.Default.NewOrganizerResponse, statusCode: status);
    }
}
