using System.Text;
using System.Text.Json;
using RapidResponse.Contacts;

namespace RapidResponse.Security;

/// <summary>
/// Reads App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON: <c>{auth_typ, claims: [{typ, val}],
/// name_typ, role_typ}</c>) into a coordinator caller: the role from the Entra app roles
/// <c>RapidResponse.Viewer</c>, <c>.Coordinator</c>, <c>.Owner</c> (the highest wins), the regions from
/// <see cref="EasyAuthOptions.RegionsClaim"/> and the <c>groups</c> claim through <see cref="EasyAuthOptions.GroupRegions"/>,
/// the actor from the object id (<c>entra:&lt;oid&gt;</c>). No role or no region: nobody.
/// </summary>
public static class EasyAuthPrincipal
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    public const string RolePrefix = "RapidResponse.";
    private const string ObjectId = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const int MaxHeaderLength = 16 * 1024;

    public static CoordinatorCaller? Read(string? header, EasyAuthOptions options)
    {
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderLength || Claims(header) is not { } claims)
        {
            return null;
        }

        string[] Values(params string[] types) => claims.Where(c => types.Contains(c.Type, StringComparer.OrdinalIgnoreCase)).Select(c => c.Value).ToArray();

        var role = Values("roles", "role", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role")
            .Select(r => r.StartsWith(RolePrefix, StringComparison.Ordinal) && CoordinatorRoles.TryParse(r[RolePrefix.Length..], out var parsed) ? parsed : 0)
            .DefaultIfEmpty().Max();
        var regions = Values(options.RegionsClaim).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Concat(Values("groups").Select(g => options.GroupRegions.GetValueOrDefault(g)).OfType<string>().SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)))
            .Where(RegionCode.IsValid).Select(RegionCode.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        var oid = Values(ObjectId, "oid").FirstOrDefault();
        return role == 0 || regions.Length == 0 || string.IsNullOrWhiteSpace(oid) || !Storage.Keys.IsValid(oid)
            ? null
            : new CoordinatorCaller("entra:" + oid, role, regions);
    }

    private static List<(string Type, string Value)>? Claims(string header)
    {
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            if (!json.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object
                    && c.TryGetProperty("typ", out var t) && t.ValueKind == JsonValueKind.String
                    && c.TryGetProperty("val", out var v) && v.ValueKind == JsonValueKind.String)
                .Select(c => (c.GetProperty("typ").GetString()!, c.GetProperty("val").GetString()!))
                .ToList();
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
