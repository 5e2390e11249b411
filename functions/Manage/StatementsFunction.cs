using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Security;
using RapidResponse.Statements;

namespace RapidResponse.Functions.Manage;

public sealed class StatementsFunction(Authenticator authenticator, StatementAdmin statements)
{
    public const int MaxUploadBytes = 256 * 1024;

    [Function("PreviewStatement")]
    public async Task<IResult> PreviewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/statements/preview")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!authenticator.IsAdmin(request))
        {
            return Problem.Unauthorized().ToResult();
        }

        var query = request.Query;
        var draft = await statements.PreviewAsync(query["alertId"], query["incident"], query["region"], query["language"], cancellationToken);
        return draft.ToHttpResult(ApiJson.Default.StatementDraft);
    }

    [Function("ListStatementSources")]
    public IResult List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/statements")] HttpRequest request) =>
        authenticator.IsAdmin(request)
            ? TypedResults.Json(statements.List(), ApiJson.Default.TemplateList)
            : Problem.Unauthorized().ToResult();

    [Function("GetStatementTemplate")]
    public IResult GetTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/statements/templates/{name}")] HttpRequest request,
        string name) =>
        Source(request, () => statements.TemplateSource(name), "text/plain; charset=utf-8");

    [Function("GetLegalProfile")]
    public IResult GetProfile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/statements/profiles/{country}")] HttpRequest request,
        string country) =>
        Source(request, () => statements.ProfileSource(country), "application/json; charset=utf-8");

    [Function("ReplaceStatementTemplate")]
    public Task<IResult> ReplaceTemplateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/statements/templates/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        UploadAsync(request, source => statements.ReplaceTemplateAsync(name, source, cancellationToken), cancellationToken);

    [Function("ReplaceLegalProfile")]
    public Task<IResult> ReplaceProfileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/statements/profiles/{country}")] HttpRequest request,
        string country,
        CancellationToken cancellationToken) =>
        UploadAsync(request, json => statements.ReplaceProfileAsync(country, json, cancellationToken), cancellationToken);

    private IResult Source(HttpRequest request, Func<Result<string>> read, string contentType)
    {
        if (!authenticator.IsAdmin(request))
        {
            return Problem.Unauthorized().ToResult();
        }

        var source = read();
        return source.Problem?.ToResult() ?? TypedResults.Text(source.Value!, contentType);
    }

    private async Task<IResult> UploadAsync(HttpRequest request, Func<string, Task<Result<StatementReplaced>>> replace, CancellationToken cancellationToken)
    {
        if (!authenticator.IsAdmin(request))
        {
            return Problem.Unauthorized().ToResult();
        }

        var bytes = await RequestBody.ReadAsync(request, MaxUploadBytes, cancellationToken);
        if (bytes is null)
        {
            return Problem.TooLarge(MaxUploadBytes).ToResult();
        }

        var replaced = await replace(Encoding.UTF8.GetString(bytes));
        return replaced.ToHttpResult(ApiJson.Default.StatementReplaced);
    }
}
