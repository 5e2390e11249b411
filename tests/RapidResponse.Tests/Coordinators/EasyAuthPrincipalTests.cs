using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RapidResponse.Coordinators;
using RapidResponse.Organizers;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Coordinators;

/// <summary>Single sign-on through App Service Authentication: a crafted principal header, trusted only when switched on.</summary>
public sealed class EasyAuthPrincipalTests
{
    private static readonly EasyAuthOptions On = new()
    {
        Enabled = true,
        GroupRegions = new(StringComparer.OrdinalIgnoreCase) { ["group-kg"] = "KG" },
    };

    [Fact]
    public void AppRolesAndTheRegionsClaim_MakeACaller_TheHighestRoleWinning()
    {
        var caller = EasyAuthPrincipal.Read(Header(("roles", "RapidResponse.Viewer"), ("roles", "RapidResponse.Coordinator"), ("extension_RapidResponseRegions", "KZ, kz-shy"), ("groups", "group-kg")), On);

        Assert.NotNull(caller);
        Assert.Equal("entra:00000000-0000-0000-0000-0000000000aa", caller.Actor);
        Assert.Equal(CoordinatorRole.Coordinator, caller.Role);
        Assert.Equal(["KZ", "KZ-SHY", "KG"], caller.Regions);
        Assert.True(caller.Can(ManageAction.EditContacts, "KG-BIS"));
        Assert.False(caller.Can(ManageAction.ManageCoordinators, "KZ"));
    }

    [Theory]
    [InlineData("no role")]
    [InlineData("foreign role")]
    [InlineData("no region")]
    [InlineData("not base64")]
    [InlineData("not json")]
    public void APrincipalWithoutARoleOrARegion_OrMalformed_IsNobody(string variant)
    {
        var header = variant switch
        {
            "no role" => Header(("extension_RapidResponseRegions", "KZ")),
            "foreign role" => Header(("roles", "Other.Owner"), ("extension_RapidResponseRegions", "KZ")),
            "no region" => Header(("roles", "RapidResponse.Owner"), ("extension_RapidResponseRegions", "nowhere/x")),
            "not base64" => "%%%",
            _ => Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"claims\": 3")),
        };

        Assert.Null(EasyAuthPrincipal.Read(header, On));
    }

    [Fact]
    public async Task TheHeader_SignsInOnlyWhenEasyAuthIsOn_AndNeverOverridesABearerToken()
    {
        var header = Header(("roles", "RapidResponse.Owner"), ("extension_RapidResponseRegions", "INTL"));

        var off = await AuthenticatorAsync(new EasyAuthOptions());
        var on = await AuthenticatorAsync(On);

        Assert.Null(await off.AuthenticateCoordinatorAsync(Request(header), CancellationToken.None));
        Assert.Equal(CoordinatorRole.Owner, (await on.AuthenticateCoordinatorAsync(Request(header), CancellationToken.None))?.Role);
        Assert.Null(await on.AuthenticateCoordinatorAsync(Request(header, bearer: "co-unknown.secret"), CancellationToken.None));
    }

    private static async Task<Authenticator> AuthenticatorAsync(EasyAuthOptions easyAuth)
    {
        var options = Options.Create(new RapidResponseOptions { AdminKey = "admin-key-of-at-least-24-chars", PublicBaseUrl = new Uri("http://localhost") });
        return new Authenticator(
            new OrganizerStore(await SharedAzurite.NewTableAsync("organizers")),
            new CoordinatorStore(await SharedAzurite.NewTableAsync("coordinators")),
            options,
            Options.Create(easyAuth));
    }

    private static HttpRequest Request(string principal, string? bearer = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[EasyAuthPrincipal.Header] = principal;
        if (bearer is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + bearer;
        }

        return context.Request;
    }

    /// <summary>A principal as App Service Authentication sends it for an Entra ID sign-in.</summary>
    private static string Header(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new
        {
            auth_typ = "aad",
            name_typ = "name",
            role_typ = "roles",
            claims = claims.Select(c => new { typ = c.Type, val = c.Value })
                .Append(new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = "00000000-0000-0000-0000-0000000000aa" })
                .Append(new { typ = "name", val = "Aigerim N." }),
        }));
}
