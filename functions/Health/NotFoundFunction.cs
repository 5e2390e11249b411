using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;

namespace RapidResponse.Functions.Health;

/// <summary>Every other route under <c>/api</c>: a problem+json 404 rather than the host's bare one.</summary>
public sealed class NotFoundFunction
{
    [Function("NotFound")]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", Route = "{*path}")] HttpRequest request) =>
        Problem.NotFound("There is no such route; see the API table in README.md.").ToResult();
}
