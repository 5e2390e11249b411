using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RapidResponse.Organizers;
using RapidResponse.Responses;
using RapidResponse.Security;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Storage;

public sealed class OrganizerStoreTests
{
    [Fact]
    public async Task CreatedOrganizer_AuthenticatesWithItsToken_AndStoresOnlyTheHash()
    {
        var (admin, authenticator, table) = await SetUpAsync();

        var created = (await admin.CreateAsync(CoordinatorCaller.Admin, new NewOrganizerRequest("Zhanar", ["KZ-SHY"], "+77011234567", "ru"), CancellationToken.None)).Value!;

        var organizer = await authenticator.AuthenticateOrganizerAsync(Request(created.Token), CancellationToken.None);
        Assert.Equal(created.OrganizerId, organizer?.Id);
        Assert.Equal(["KZ-SHY"], organizer!.Regions);
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            Assert.DoesNotContain(((IDictionary<string, object>)row).Values, v => v is string s && s.Contains(OrganizerToken.TryParse(created.Token, out var t) ? t.Secret : "?", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("")]
    public async Task WrongSecret_OrUnknownOrganizer_DoesNotAuthenticate(string secret)
    {
        var (admin, authenticator, _) = await SetUpAsync();
        var created = (await admin.CreateAsync(CoordinatorCaller.Admin, new NewOrganizerRequest("Zhanar", ["KZ"], null, null), CancellationToken.None)).Value!;

        Assert.Null(await authenticator.AuthenticateOrganizerAsync(Request($"{created.OrganizerId}.{secret}"), CancellationToken.None));
        Assert.Null(await authenticator.AuthenticateOrganizerAsync(Request("unknown.secret"), CancellationToken.None));
        Assert.False(authenticator.IsAdmin(Request(created.Token)));
    }

    [Fact]
    public async Task Create_WithBadFields_NamesEachOne()
    {
        var (admin, _, _) = await SetUpAsync();

        var problem = (await admin.CreateAsync(CoordinatorCaller.Admin, new NewOrganizerRequest(" ", ["KZ", "nowhere/x"], "123", "russian"), CancellationToken.None)).Problem!;

        Assert.Equal(["language", "name", "phone", "regions[1]"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    private static async Task<(OrganizerAdmin, Authenticator, Azure.Data.Tables.TableClient)> SetUpAsync()
    {
        var table = await SharedAzurite.NewTableAsync("organizers");
        var store = new OrganizerStore(table);
        var options = Options.Create(new RapidResponseOptions { AdminKey = "admin-key-of-at-least-24-chars", PublicBaseUrl = new Uri("http://localhost") });
        var time = new FakeTimeProvider();
        var audit = new RapidResponse.Audit.AuditLog(await SharedAzurite.NewTableAsync("audit"), time);
        var coordinators = new RapidResponse.Coordinators.CoordinatorStore(await SharedAzurite.NewTableAsync("coordinators"));
        return (new OrganizerAdmin(store, new PhoneIndex(await SharedAzurite.NewTableAsync("phones"), new PhoneHasher(options)), audit, time), new Authenticator(store, coordinators, options), table);
    }

    private static HttpRequest Request(string token)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Bearer " + token;
        return context.Request;
    }
}
