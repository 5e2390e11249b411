using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Http;
using RapidResponse.Security;
using RapidResponse.Statements;

namespace RapidResponse.Functions.Admin;

public sealed class StatementsFunction(Authenticator authenticator, StatementAdmin statements)
{
    public const int MaxUploadBytes = 256 * 1024;

    [Function("PreviewStatement")]
    public async Task<IResult> PreviewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/statements/preview")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!authenticator.IsAdmin(request))
        {
            return Problem.Unauthorized().ToResult();
        }

        var query = request.Query;
        var draft = await statements.PreviewAsync(query["alertId"], query["incident"], query["region"], query["language"], cancellationToken);
        return draft.Problem?.ToResult() ?? TypedResults.Json(draft.Value, ApiJson.Default.StatementDraft);
    }

    [Function("ReplaceStatementTemplate")]
    public async Task<IResult> ReplaceTemplateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "admin/statements/templates/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken)
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

        var replaced = await statements.ReplaceTemplateAsync(name, Encoding.UTF8.GetString(bytes), cancellationToken);
        return replaced.Problem?.ToResult() ?? TypedResults.Json(replaced.Value, ApiJson.Default.StatementReplaced);
    }

    [Function("ReplaceLegalProfile")]
    public async Task<IResult> ReplaceProfileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "admin/statements/profiles/{country}")] HttpRequest request,
        string country,
        CancellationToken cancellationToken)
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

        var replaced = await statements.ReplaceProfileAsync(country, Encoding.UTF8.GetString(bytes), cancellationToken);
        return replaced.Problem?.ToResult() ?? TypedResults.Json(replaced.Value, ApiJson.Default.StatementReplaced);
    }
}
