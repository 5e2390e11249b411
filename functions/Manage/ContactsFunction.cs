using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RapidResponse.Contacts;
using RapidResponse.Http;
using RapidResponse.Security;

namespace RapidResponse.Functions.Manage;

public sealed class ContactsFunction(ManageGate gate, ContactAdmin contacts)
{
    public const int MaxImportBytes = 2 * 1024 * 1024;

    [Function("PutContact")]
    public async Task<IResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/contacts/{contactId}")] HttpRequest request,
        string contactId,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.EditContacts, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var body = await JsonBody.ReadAsync(request, ApiJson.Default.ContactInput, cancellationToken);
        if (body.Problem is { } malformed)
        {
            return malformed.ToResult();
        }

        var stored = await contacts.PutAsync(admitted.Value!, contactId, body.Value!, cancellationToken);
        return stored.Problem?.ToResult() ?? TypedResults.Json(ContactView.From(stored.Value!), ApiJson.Default.ContactView);
    }

    [Function("ListContacts")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/contacts")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.ReadContacts, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var listed = await contacts.ListAsync(admitted.Value!, request.Query["region"], cancellationToken);
        return listed.Problem?.ToResult()
            ?? TypedResults.Json<IReadOnlyList<ContactView>>(listed.Value!.Select(ContactView.From).ToList(), ApiJson.Default.IReadOnlyListContactView);
    }

    [Function("ExportContacts")]
    public async Task<IResult> ExportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/contacts/export")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.EditContacts, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        var region = request.Query["region"].ToString();
        var csv = await contacts.ExportAsync(admitted.Value!, region, cancellationToken);
        return csv.Problem?.ToResult()
            ?? TypedResults.File(csv.Value!, "text/csv; charset=utf-8", $"contacts-{RegionCode.Normalize(region)}.csv");
    }

    [Function("ImportContacts")]
    public async Task<IResult> ImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/contacts/import")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var admitted = await gate.AdmitAsync(request, ManageAction.EditContacts, cancellationToken);
        if (admitted.Problem is { } refused)
        {
            return refused.ToResult();
        }

        if (request.ContentType is not { } contentType || !contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problem.UnsupportedMediaType("text/csv").ToResult();
        }

        var bytes = await RequestBody.ReadAsync(request, MaxImportBytes, cancellationToken);
        if (bytes is null)
        {
            return Problem.TooLarge(MaxImportBytes).ToResult();
        }

        var dryRun = bool.TryParse(request.Query["dryRun"], out var dry) && dry;
        var report = await contacts.ImportAsync(admitted.Value!, bytes, cancellationToken, dryRun);
        return report.ToHttpResult(ApiJson.Default.ImportReport);
    }
}
