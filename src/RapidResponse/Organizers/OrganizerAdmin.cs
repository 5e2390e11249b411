using RapidResponse.Contacts;
using RapidResponse.Http;
using RapidResponse.Responses;
using RapidResponse.Security;
using RapidResponse.Storage;

namespace RapidResponse.Organizers;

/// <summary>A coordinator's request to enrol an organizer.</summary>
public sealed record NewOrganizerRequest(string? Name, IReadOnlyList<string>? Regions, string? Phone, string? Language);

/// <summary>The enrolled organizer and its token, shown this once.</summary>
public sealed record NewOrganizerResponse(string OrganizerId, string Token);

/// <summary>Enrols organizers: validates, issues a token and stores only its hash.</summary>
public sealed class OrganizerAdmin(OrganizerStore store, PhoneIndex phones, TimeProvider time)
{
    public async Task<Result<NewOrganizerResponse>> CreateAsync(NewOrganizerRequest request, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.For(request);
        var name = errors.RequiredText("name", request.Name, maxLength: 100);
        var regions = request.Regions ?? [];
        if (regions.Count == 0)
        {
            errors.Add("regions", "at least one region is required, e.g. [\"KZ-SHY\"]");
        }

        for (var i = 0; i < regions.Count; i++)
        {
            if (!RegionCode.IsValid(regions[i]))
            {
                errors.Add($"regions[{i}]", RegionCode.Rule);
            }
        }

        var phone = Phones.NormalizeOrReport(errors, "phone", request.Phone);
        var language = Languages.NormalizeOrReport(errors, "language", request.Language);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var id = Ids.NewId(time);
        var token = OrganizerToken.Issue(id);
        var organizer = new Organizer(
            id, name!, regions.Select(RegionCode.Normalize).Distinct(StringComparer.Ordinal).ToArray(),
            phone, language, SecretHasher.Hash(token.Secret), time.GetUtcNow());
        await store.AddAsync(organizer, cancellationToken);
        await phones.SetOrganizerAsync(id, null, organizer.Phone, cancellationToken);
        return new NewOrganizerResponse(id, token.ToString());
    }
}
