using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Security;
using RapidResponse.Statements;

namespace RapidResponse.Functions.Manage;

public sealed class StatementsFunction(ManageGate gate, StatementAdmin statements)
{
    public const int MaxUploadBytes = 256 * 1024;

    [Function("PreviewStatement")]
    public async Task<IResult> PreviewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/statements/preview")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.PreviewStatements, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var query = request.Query;
        var draft = await statements.PreviewAsync(admitted.Value!, query["alertId"], query["incident"], query["region"], query["language"], cancellationToken);
        return draft.ToHttpResult(ApiJson.Default.StatementDraft);
    }

    [Function("ListStatementSources")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/statements")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.PreviewStatements, cancellationToken);
        return admitted.Problem?.ToResult() ?? TypedResults.Json(statements.List(), ApiJson.Default.TemplateList);
    }

    [Function("GetStatementTemplate")]
    public Task<IResult> GetTemplateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/statements/templates/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        SourceAsync(request, ManageAction.PreviewStatements, () => statements.TemplateSource(name), "text/plain; charset=utf-8", cancellationToken);

    [Function("GetLegalProfile")]
    public Task<IResult> GetProfileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/statements/profiles/{country}")] HttpRequest request,
        string country,
        CancellationToken cancellationToken) =>
        SourceAsync(request, ManageAction.PreviewStatements, () => statements.ProfileSource(country), "application/json; charset=utf-8", cancellationToken);

    [Function("ReplaceStatementTemplate")]
    public Task<IResult> ReplaceTemplateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/statements/templates/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        UploadAsync(request, ManageAction.EditTemplates, (caller, source) => statements.ReplaceTemplateAsync(caller, name, source, cancellationToken), cancellationToken);

    [Function("ReplaceLegalProfile")]
    public Task<IResult> ReplaceProfileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/statements/profiles/{country}")] HttpRequest request,
        string country,
        CancellationToken cancellationToken) =>
        UploadAsync(request, ManageAction.EditProfiles, (caller, json) => statements.ReplaceProfileAsync(caller, country, json, cancellationToken), cancellationToken);

    private async Task<IResult> SourceAsync(HttpRequest request, ManageAction action, Func<Result<string>> read, string contentType, CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, action, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var source = read();
        return source.Problem?.ToResult() ?? TypedResults.Text(source.Value!, contentType);
    }

    private async Task<IResult> UploadAsync(
        HttpRequest request, ManageAction action, Func<CoordinatorCaller, string, Task<Result<StatementReplaced>>> replace, CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, action, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var bytes = await RequestBody.ReadAsync(request, MaxUploadBytes, cancellationToken);
        if (bytes is null)
        {
            return Problem.TooLarge(MaxUploadBytes).ToResult();
        }

        var replaced = await replace(admitted.Value!, Encoding.UTF8.GetString(bytes));
        return replaced.ToHttpResult(ApiJson.Default.StatementReplaced);
    }
}
