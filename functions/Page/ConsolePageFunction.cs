using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Page;

namespace RapidResponse.Functions.Page;

/// <summary>The coordinators' console and its files, served by the app itself; it calls the <c>/api/manage</c> routes.</summary>
public sealed class ConsolePageFunction
{
    [Function("ConsolePage")]
    public IResult Index(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console")] HttpRequest request) =>
        new PageResult(PageAssets.Find(PageAssets.Console)!);

    [Function("ConsolePageAsset")]
    public IResult Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/assets/{file}")] HttpRequest request,
        string file) =>
        PageAssets.Find(file) is { } asset ? new PageResult(asset) : Problem.NotFound($"No page file '{file}'.").ToResult();
}
