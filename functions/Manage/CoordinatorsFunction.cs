using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Coordinators;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Functions.Manage;

/// <summary>Coordinator accounts, for owners and the admin key (docs/SECURITY.md, "Coordinator accounts").</summary>
public sealed class CoordinatorsFunction(ManageGate gate, CoordinatorAdmin coordinators)
{
    private const ManageAction Manage = ManageAction.ManageCoordinators;

    [Function("CreateCoordinator")]
    public async Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/coordinators")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, Manage, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.NewCoordinatorRequest, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var created = await coordinators.CreateAsync(admitted.Value!, body.Value!, cancellationToken);
        return created.ToHttpResult(ApiJson.Default.NewCoordinatorResponse, StatusCodes.Status201Created);
    }

    [Function("ListCoordinators")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/coordinators")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, Manage, cancellationToken);
        return admitted.Problem?.ToResult()
            ?? TypedResults.Json(await coordinators.ListAsync(admitted.Value!, cancellationToken), ApiJson.Default.IReadOnlyListCoordinatorView);
    }

    [Function("GetCoordinator")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/coordinators/{coordinatorId}")] HttpRequest request,
        string coordinatorId,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, Manage, cancellationToken);
        return admitted.Problem?.ToResult()
            ?? (await coordinators.GetAsync(admitted.Value!, coordinatorId, cancellationToken)).ToHttpResult(ApiJson.Default.CoordinatorView);
    }

    /// <summary>Changes the account's role, regions or both; takes effect on its next request.</summary>
    [Function("ChangeCoordinator")]
    public async Task<IResult> ChangeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "manage/coordinators/{coordinatorId}")] HttpRequest request,
        string coordinatorId,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, Manage, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.CoordinatorChange, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var changed = await coordinators.ChangeAsync(admitted.Value!, coordinatorId, body.Value!, cancellationToken);
        return changed.ToHttpResult(ApiJson.Default.CoordinatorView);
    }

    /// <summary>A new token, shown this once; the old one fails at once. Re-enables a revoked account.</summary>
    [Function("RotateCoordinatorToken")]
    public async Task<IResult> RotateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/coordinators/{coordinatorId}/token")] HttpRequest request,
        string coordinatorId,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, Manage, cancellationToken);
        return admitted.Problem?.ToResult()
            ?? (await coordinators.RotateAsync(admitted.Value!, coordinatorId, cancellationToken)).ToHttpResult(ApiJson.Default.NewCoordinatorResponse);
    }

    /// <summary>Revokes the account's token at once, until rotated.</summary>
    [Function("RevokeCoordinatorToken")]
    public async Task<IResult> RevokeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "manage/coordinators/{coordinatorId}/token")] HttpRequest request,
        string coordinatorId,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, Manage, cancellationToken);
        return admitted.Problem?.ToResult()
            ?? (await coordinators.RevokeAsync(admitted.Value!, coordinatorId, cancellationToken))?.ToResult()
            ?? TypedResults.NoContent();
    }
}
