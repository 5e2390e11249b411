using RapidResponse.Audit;
using RapidResponse.Contacts;
using RapidResponse.Http;
using RapidResponse.Responses;
using RapidResponse.Security;
using RapidResponse.Storage;

namespace RapidResponse.Organizers;

/// <summary>A coordinator's request to enrol an organizer.</summary>
public sealed record NewOrganizerRequest(string? Name, IReadOnlyList<string>? Regions, string? Phone, string? Language);

/// <summary>The enrolled organizer and its token, shown this once.</summary>
public sealed record NewOrganizerResponse(string OrganizerId, string Token)
{
    /// <summary>The panic page, signed in with the token (<see cref="SignInCards"/>).</summary>
    public Uri? SignInLink { get; init; }

    /// <summary>The same link as a QR code: a <c>data:image/png;base64,…</c> URI, to hand the device over in person.</summary>
    public string? SignInQr { get; init; }
}

/// <summary>Enrols organizers: validates, issues a token and stores only its hash; only for regions in the caller's scope.</summary>
public sealed class OrganizerAdmin(OrganizerStore store, PhoneIndex phones, AuditLog audit, TimeProvider time)
{
    public async Task<Result<NewOrganizerResponse>> CreateAsync(CoordinatorCaller caller, NewOrganizerRequest request, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.For(request);
        var name = errors.RequiredText("name", request.Name, maxLength: 100);
        var regions = OrganizerRegions.Check(errors, request.Regions);

        var phone = Phones.NormalizeOrReport(errors, "phone", request.Phone);
        var language = Languages.NormalizeOrReport(errors, "language", request.Language);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!caller.Can(ManageAction.EditOrganizers, regions))
        {
            return Problem.Forbidden("An organizer may be given only regions within your own scope.");
        }

        var id = Ids.NewId(time);
        var token = OrganizerToken.Issue(id);
        var organizer = new Organizer(
            id, name!, regions,
            phone, language, SecretHasher.Hash(token.Secret), time.GetUtcNow());
        await store.AddAsync(organizer, cancellationToken);
        await phones.SetOrganizerAsync(id, null, organizer.Phone, cancellationToken);
        var fields = new[] { "name", "regions", phone is null ? null : "phone", request.Language is null ? null : "language", "token" }.OfType<string>().ToList();
        await audit.AppendAsync(caller, "organizer.create", "organizer:" + id, AuditEntry.Regions(regions), fields, cancellationToken);
        return new NewOrganizerResponse(id, token.ToString());
    }
}
