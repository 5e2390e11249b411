using RapidResponse.Contacts;
using RapidResponse.LocalHost.Hosting.Metadata;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Security;

/// <summary>
/// Every <c>/api/manage</c> function the build declares (from its <c>functions.metadata</c>) × the admin key, no
/// token, an organizer's token, and each role in and out of scope, over real HTTP.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class ManageMatrixTests(LocalHostFixture host)
{
    private static readonly IReadOnlyList<(string Name, string Verb)> Functions =
        FunctionMetadata.Load(Path.Combine(AppContext.BaseDirectory, FunctionMetadata.FileName))
            .Where(f => f.Trigger!.Is(BindingMetadata.HttpTrigger) && ManageMatrix.IsManageRoute(f))
            .Select(f => (f.Name, f.Trigger!.Methods![0].ToUpperInvariant()))
            .ToList();

    [Fact]
    public void EveryManageFunction_HasARowInTheMatrix()
    {
        var missing = Functions.Select(f => f.Name).Where(name => !ManageMatrix.Rows.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, "Add these manage functions to ManageMatrix (least role, reach, out-of-scope answer): " + string.Join(", ", missing));
        Assert.Empty(ManageMatrix.Rows.Keys.Except(Functions.Select(f => f.Name)));
    }

    [Fact]
    public async Task EveryRole_InAndOutOfScope_GetsExactlyWhatTheMatrixSays()
    {
        var scenario = await Scenario.CreateAsync(host);
        var other = TestData.Region().Country;
        var spareOrganizer = Accounts.IdOf(await scenario.NewOrganizerAsync());
        var spareCoordinator = (await Accounts.CreateAsync(host, "viewer", scenario.Region)).Id;
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var context = new ManageContext(scenario.Country, scenario.Region, alertId, spareOrganizer, spareCoordinator);

        // "In" is the scenario's country for a regional resource and INTL for a global one; "out" is another country.
        var regional = new Dictionary<ManageCaller, string?>
        {
            [ManageCaller.Admin] = host.Host.AdminKey,
            [ManageCaller.Anonymous] = null,
            [ManageCaller.Organizer] = scenario.OrganizerToken,
        };
        var global = new Dictionary<ManageCaller, string?>(regional);
        foreach (var role in new[] { "viewer", "coordinator", "owner" })
        {
            var key = char.ToUpperInvariant(role[0]) + role[1..];
            var outside = (await Accounts.CreateAsync(host, role, other)).Token;
            regional[Enum.Parse<ManageCaller>(key + "In")] = (await Accounts.CreateAsync(host, role, scenario.Country)).Token;
            global[Enum.Parse<ManageCaller>(key + "In")] = (await Accounts.CreateAsync(host, role, RegionCode.International)).Token;
            regional[Enum.Parse<ManageCaller>(key + "Out")] = global[Enum.Parse<ManageCaller>(key + "Out")] = outside;
        }

        var failures = new List<string>();
        foreach (var function in Functions)
        {
            var row = ManageMatrix.Rows[function.Name];
            var tokens = row.Reach == Reach.Global ? global : regional;
            foreach (var caller in Enum.GetValues<ManageCaller>())
            {
                var (path, body) = row.Request(context);
                using var request = host.Request(new HttpMethod(function.Verb), path, tokens[caller], body);
                using var response = await host.Client.SendAsync(request);
                var status = (int)response.StatusCode;
                var expected = row.For(caller);
                var met = expected switch
                {
                    Expect.Ok => status is >= 200 and < 300,
                    Expect.Admitted => status is >= 400 and < 500 and not (401 or 403 or 404),
                    _ => status == (int)expected,
                };
                if (!met)
                {
                    failures.Add($"{function.Name} ({function.Verb} {path}) as {caller}: expected {expected}, got {status} {await response.Content.ReadAsStringAsync()}");
                }

                if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{function.Name} as {caller}: a {status} without problem+json");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
