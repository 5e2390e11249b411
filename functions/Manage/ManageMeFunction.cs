using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Coordinators;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Functions.Manage;

/// <summary>Who the bearer of a manage token is: for a console's sign-in.</summary>
public sealed class ManageMeFunction(Authenticator authenticator, CoordinatorAdmin coordinators)
{
    [Function("ManageMe")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/me")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await authenticator.AuthenticateCoordinatorAsync(request, cancellationToken) is not { } caller)
        {
            return Problem.Unauthorized().ToResult();
        }

        var name = await coordinators.NameOfAsync(caller, cancellationToken);
        return TypedResults.Json(ManageMeView.From(caller, name), ApiJson.Default.ManageMeView);
    }
}
