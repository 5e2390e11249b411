using RapidResponse.Contacts;
using RapidResponse.Http;
using RapidResponse.Responses;
using RapidResponse.Security;

namespace RapidResponse.Organizers;

/// <summary>The body of <c>PUT /api/me</c>: each field given is changed; an empty code removes it.</summary>
public sealed record MeRequest(string? Phone, string? Language, string? SafeCode, string? DuressCode, string? SmsCodeword, bool? SharePhone);

/// <summary>The organizer's settings as shown back: the phone masked, codes only as "set" or not.</summary>
public sealed record MeView(
    string OrganizerId, string Name, IReadOnlyList<string> Regions, string? Phone, string Language,
    bool SharePhone, bool SafeCodeSet, bool DuressCodeSet, bool SmsCodewordSet);

/// <summary>An organizer's own settings; codes are stored only as slow salted hashes (<see cref="CodeHasher"/>).</summary>
public sealed class OrganizerSettings(OrganizerStore store, PhoneIndex phones)
{
    public const int MinCodeLength = 4;
    public const int MaxCodeLength = 64;

    public async Task<Result<MeView>> UpdateAsync(Organizer organizer, MeRequest request, CancellationToken cancellationToken)
    {
        var errors = FieldErrors.For(request);
        var phone = request.Phone is null ? organizer.Phone : Phones.NormalizeOrReport(errors, "phone", request.Phone);
        var language = request.Language is null ? organizer.Language : Languages.NormalizeOrReport(errors, "language", request.Language);
        var salt = organizer.Codes.Salt ?? CodeHasher.NewSalt();
        var safe = Code(errors, "safeCode", request.SafeCode, salt, organizer.Codes.SafeCode);
        var duress = Code(errors, "duressCode", request.DuressCode, salt, organizer.Codes.DuressCode);
        var codeword = Code(errors, "smsCodeword", request.SmsCodeword, salt, organizer.Codes.SmsCodeword);
        if (request.SafeCode is { Length: > 0 } s && request.DuressCode is { Length: > 0 } d
            && string.Equals(CodeHasher.Normalize(s), CodeHasher.Normalize(d), StringComparison.Ordinal))
        {
            errors.Add("duressCode", "must differ from the safe code");
        }

        if (request.SmsCodeword is { Length: > 0 } word && word.Trim().Contains(' ', StringComparison.Ordinal))
        {
            errors.Add("smsCodeword", "must be one word");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var updated = organizer with
        {
            Phone = phone,
            Language = language,
            SharePhone = request.SharePhone ?? organizer.SharePhone,
            Codes = new OrganizerCodes(salt, safe, duress, codeword),
        };
        await store.ReplaceAsync(updated, cancellationToken);
        await phones.SetOrganizerAsync(organizer.Id, organizer.Phone, updated.Phone, cancellationToken);
        return View(updated);
    }

    public static MeView View(Organizer organizer) => new(
        organizer.Id, organizer.Name, organizer.Regions, organizer.Phone is null ? null : Pii.MaskPhone(organizer.Phone), organizer.Language,
        organizer.SharePhone, organizer.Codes.SafeCode is not null, organizer.Codes.DuressCode is not null, organizer.Codes.SmsCodeword is not null);

    /// <summary>The stored hash after the request: unchanged when absent, removed when empty, else the new code's hash.</summary>
    private static string? Code(FieldErrors errors, string field, string? value, string salt, string? current)
    {
        if (value is null)
        {
            return current;
        }

        if (value.Trim().Length == 0)
        {
            return null;
        }

        if (value.Trim().Length is < MinCodeLength or > MaxCodeLength)
        {
            errors.Add(field, $"must be {MinCodeLength} to {MaxCodeLength} characters, or empty to remove it");
            return current;
        }

        return CodeHasher.Hash(value, salt);
    }
}
