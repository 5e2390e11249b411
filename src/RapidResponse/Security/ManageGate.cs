using Microsoft.AspNetCore.Http;
using RapidResponse.Http;

namespace RapidResponse.Security;

/// <summary>
/// The door of every <c>/api/manage</c> route: who calls (<c>401</c> when nobody valid) and whether their role allows
/// the action at all (<c>403</c>). The region of what they touch is checked where it is known, with
/// <see cref="CoordinatorCaller.Can(ManageAction, string?)"/>.
/// </summary>
public sealed class ManageGate(Authenticator authenticator)
{
    public async Task<Result<CoordinatorCaller>> AdmitAsync(HttpRequest request, ManageAction action, CancellationToken cancellationToken)
    {
        if (await authenticator.AuthenticateCoordinatorAsync(request, cancellationToken) is not { } caller)
        {
            return Problem.Unauthorized();
        }

        return caller.May(action) ? caller : Problem.Forbidden($"The {caller.Role.ToWire()} role may not do this.");
    }
}
