using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Page;
using RapidResponse.Security;

namespace RapidResponse.Functions.Page;

/// <summary>The organizer's panic page, its files and its start-up config; all served by the app itself.</summary>
public sealed class PanicPageFunction(Authenticator authenticator, PageConfigReader config)
{
    [Function("PanicPage")]
    public IResult Index(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "app")] HttpRequest request) =>
        new PageResult(PageAssets.Find(PageAssets.Index)!);

    [Function("PanicPageAsset")]
    public IResult Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "app/assets/{file}")] HttpRequest request,
        string file) =>
        PageAssets.Find(file) is { } asset ? new PageResult(asset) : Problem.NotFound($"No page file '{file}'.").ToResult();

    /// <summary>Anonymous: the SMS fallback. With a bearer token: also whose device this is; a wrong token is 401, so the page can check a pasted one.</summary>
    [Function("PanicPageConfig")]
    public async Task<IResult> ConfigAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "app/config")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var organizer = request.Headers.Authorization.Count == 0
            ? null
            : await authenticator.AuthenticateOrganizerAsync(request, cancellationToken);
        if (request.Headers.Authorization.Count > 0 && organizer is null)
        {
            return Problem.Unauthorized().ToResult();
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(config.Read(organizer), ApiJson.Default.PageConfig);
    }
}
