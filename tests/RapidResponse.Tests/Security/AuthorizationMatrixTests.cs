using RapidResponse.LocalHost.Hosting.Metadata;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Security;

/// <summary>
/// Organizer A, organizer B, the admin and an anonymous caller against every HTTP function the app declares outside
/// <c>/api/manage</c> (found in the build's <c>functions.metadata</c>, as the Functions host and the local host find
/// them), over real HTTP. The manage routes: <see cref="ManageMatrixTests"/>.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class AuthorizationMatrixTests(LocalHostFixture host)
{
    private static readonly IReadOnlyList<(string Name, string Verb)> Functions =
        FunctionMetadata.Load(Path.Combine(AppContext.BaseDirectory, FunctionMetadata.FileName))
            .Where(f => f.Trigger!.Is(BindingMetadata.HttpTrigger) && !ManageMatrix.IsManageRoute(f))
            .Select(f => (f.Name, f.Trigger!.Methods![0].ToUpperInvariant()))
            .ToList();

    [Fact]
    public void EveryHttpFunction_HasARowInTheMatrix()
    {
        var missing = Functions.Select(f => f.Name).Where(name => !AuthorizationMatrix.Rows.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, "Add these functions to AuthorizationMatrix: " + string.Join(", ", missing));
        Assert.Empty(AuthorizationMatrix.Rows.Keys.Except(Functions.Select(f => f.Name)));
    }

    [Fact]
    public async Task EveryCallerGetsExactlyWhatTheMatrixSays_AndOrganizersNeverSeeContactDetails()
    {
        var scenario = await Scenario.CreateAsync(host);
        var (_, otherRegion) = TestData.Region();
        var tokens = new Dictionary<Who, string?>
        {
            [Who.OrganizerA] = scenario.OrganizerToken,
            [Who.OrganizerB] = await scenario.NewOrganizerAsync(otherRegion),
            [Who.Admin] = host.Host.AdminKey,
            [Who.Anonymous] = null,
        };
        var spare = await scenario.NewOrganizerAsync();
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        await Responders.WaitForTimelineAsync(host, alertId, "fan-out", 1, Patience.Delivery);
        var context = new MatrixContext(
            scenario.Region, alertId, () => FreshAlertAsync(scenario.OrganizerToken), spare[..spare.IndexOf('.', StringComparison.Ordinal)]);
        var secrets = scenario.LawyerPhones.Concat(scenario.DecoyPhones).Concat(scenario.NgoEmails).ToList();
        var failures = new List<string>();

        foreach (var function in Functions)
        {
            var row = AuthorizationMatrix.Rows[function.Name];
            foreach (var who in Enum.GetValues<Who>())
            {
                var (path, body) = await row.Request(context);
                using var request = host.Request(new HttpMethod(function.Verb), path, tokens[who], body);
                using var response = await host.Client.SendAsync(request);
                var status = (int)response.StatusCode;
                var expected = row.For(who);
                var met = expected switch
                {
                    Expect.Ok => status is >= 200 and < 300,
                    Expect.Admitted => status is >= 400 and < 500 and not (401 or 403 or 404),
                    _ => status == (int)expected,
                };
                if (!met)
                {
                    failures.Add($"{function.Name} ({function.Verb} {path}) as {who}: expected {expected}, got {status} {await response.Content.ReadAsStringAsync()}");
                }

                if (who is Who.OrganizerA or Who.OrganizerB)
                {
                    var text = await response.Content.ReadAsStringAsync();
                    failures.AddRange(secrets.Where(s => text.Contains(s, StringComparison.Ordinal)).Select(_ => $"{function.Name} as {who}: shows a contact's phone or email"));
                }

                if (status >= 400 && response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "text/html"))
                {
                    failures.Add($"{function.Name} as {who}: a {status} without problem+json");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task AnOrganizerSeesOnlyAResponderFirstNameAndRole()
    {
        var scenario = await Scenario.CreateAsync(host);
        var alertId = await Responders.PressAsync(host, scenario, scenario.OrganizerToken);
        var reference = Responders.Reference(alertId);
        await host.StandIns.WaitForAsync(_ => Responders.SmsTo(host, scenario.LawyerPhones[0], reference).Count > 0, Patience.Delivery);
        using var yes = await Responders.SmsAsync(host, scenario.LawyerPhones[0], "YES");
        var view = await Responders.WaitForTimelineAsync(host, alertId, "acknowledged", 1, Patience.Delivery);

        var responder = Assert.Single(view["acknowledgements"]!.AsArray())!.AsObject();
        Assert.Equal(["name", "role", "at"], responder.Select(p => p.Key));
        Assert.Equal("Lawyer0", responder["name"]!.GetValue<string>());
        var body = (await Responders.StatusAsync(host, alertId, scenario.OrganizerToken)).ToJsonString();
        Assert.DoesNotContain(scenario.LawyerPhones[0], body, StringComparison.Ordinal);
        Assert.DoesNotContain("Lawyer0 Test", body, StringComparison.Ordinal);
        Assert.Contains("\"Lawyer0\"", body, StringComparison.Ordinal);
    }

    private async Task<string> FreshAlertAsync(string token)
    {
        // A distinct message: the same press within a minute would be the same alert.
        using var response = await host.SendAsync(HttpMethod.Post, "api/panic", token, new { incident = "threat", message = "fresh " + Guid.NewGuid() });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(response.Content))!["alertId"]!.GetValue<string>();
    }
}
