using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Page;
using RapidResponse.Recipients;

namespace RapidResponse.Functions.Recipients;

/// <summary>A recipient's own page and its API; the code in the path is the only credential.</summary>
public sealed class RecipientPageFunction(RecipientPages pages)
{
    [Function("RecipientPage")]
    public async Task<IResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{code}")] HttpRequest request,
        string code,
        CancellationToken cancellationToken) =>
        await pages.ExistsAsync(code, cancellationToken)
            ? new PageResult(PageAssets.Find(PageAssets.Recipient)!)
            : new PageResult(PageAssets.Find(PageAssets.NotFound)!, StatusCodes.Status404NotFound);

    [Function("RecipientState")]
    public async Task<IResult> StateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{code}/state")] HttpRequest request,
        string code,
        CancellationToken cancellationToken) =>
        Json(request, await pages.StateAsync(code, cancellationToken));

    [Function("RecipientAcknowledge")]
    public async Task<IResult> AcknowledgeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "r/{code}/ack")] HttpRequest request,
        string code,
        CancellationToken cancellationToken) =>
        Json(request, await pages.AcknowledgeAsync(code, cancellationToken));

    [Function("RecipientDecline")]
    public async Task<IResult> DeclineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "r/{code}/decline")] HttpRequest request,
        string code,
        CancellationToken cancellationToken) =>
        Json(request, await pages.DeclineAsync(code, cancellationToken));

    [Function("RecipientStatus")]
    public async Task<IResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "r/{code}/status")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(request, ApiJson.Default.RecipientStatusRequest, cancellationToken);
        return body.Problem is { } malformed
            ? malformed.ToResult()
            : Json(request, await pages.AddStatusAsync(code, body.Value!, cancellationToken));
    }

    [Function("RecipientDraft")]
    public async Task<IResult> DraftAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{code}/drafts/{file}")] HttpRequest request,
        string code,
        string file,
        CancellationToken cancellationToken)
    {
        var draft = await pages.DraftAsync(code, file, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return draft.Problem?.ToResult() ?? TypedResults.File(draft.Value!.Content, draft.Value.ContentType, draft.Value.FileName);
    }

    // The state names people and what they do: never kept by a browser or a proxy.
    private static IResult Json(HttpRequest request, Result<RecipientView> result)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return result.ToHttpResult(ApiJson.Default.RecipientView);
    }
}
