using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RapidResponse.Tests.Support;

/// <summary>
/// A region set up through the admin API as a coordinator would: tier-1 lawyers in the city, a national and an
/// international NGO, decoys a press must not reach (tier 2, inactive, another region), and one organizer.
/// </summary>
public sealed class Scenario
{
    private Scenario(LocalHostFixture host, string country, string region)
    {
        Host = host;
        Country = country;
        Region = region;
    }

    public LocalHostFixture Host { get; }

    public string Country { get; }

    public string Region { get; }

    public string OrganizerToken { get; private set; } = "";

    public List<string> LawyerPhones { get; } = [];

    public List<string> NgoEmails { get; } = [];

    public List<string> DecoyPhones { get; } = [];

    public static async Task<Scenario> CreateAsync(LocalHostFixture host)
    {
        var (country, region) = TestData.Region();
        var scenario = new Scenario(host, country, region);
        await scenario.SeedAsync();
        return scenario;
    }

    public async Task<JsonObject> PressAsync(object? body = null)
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "api/panic", OrganizerToken, body ?? DefaultPress);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public object DefaultPress => new
    {
        region = Region,
        incident = "detention",
        location = new { lat = 42.3417, lon = 69.5901, accuracyM = 30, text = "Community centre, Tauke Khan Ave" },
        message = "Police took both organisers",
        people = new[] { new { name = "Zhanar S.", role = "co-founder", publicName = true } },
    };

    /// <summary>A new organizer for this scenario's region; returns its token.</summary>
    public async Task<string> NewOrganizerAsync(string? region = null)
    {
        using var response = await Host.SendAsync(HttpMethod.Post, "api/manage/organizers", Host.Host.AdminKey,
            new { name = "Organizer " + Guid.NewGuid().ToString("N")[..4], regions = new[] { region ?? Region }, phone = TestData.Phone() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return created["token"]!.GetValue<string>();
    }

    private async Task SeedAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            var phone = TestData.Phone();
            LawyerPhones.Add(phone);
            await PutContactAsync(Host, $"lawyer{i}", new { name = $"Lawyer{i} Test", region = Region, role = "lawyer", tier = 1, phone, language = "en" });
        }

        var national = TestData.Email("ngo-national");
        NgoEmails.AddRange([national, await Host.InternationalNgoAsync()]);
        await PutContactAsync(Host, "ngo", new { name = "National NGO", region = Country, role = "ngo", tier = 1, email = national });

        var tier2 = TestData.Phone();
        var inactive = TestData.Phone();
        var elsewhere = TestData.Phone();
        DecoyPhones.AddRange([tier2, inactive, elsewhere]);
        await PutContactAsync(Host, "tier2", new { name = "Backup Lawyer", region = Region, role = "lawyer", tier = 2, phone = tier2 });
        await PutContactAsync(Host, "inactive", new { name = "Inactive Lawyer", region = Region, role = "lawyer", tier = 1, phone = inactive, active = false });
        await PutContactAsync(Host, "elsewhere", new { name = "Other Region Lawyer", region = Country + "-OTHER", role = "lawyer", tier = 1, phone = elsewhere });

        OrganizerToken = await NewOrganizerAsync();
    }

    internal static async Task PutContactAsync(LocalHostFixture host, string id, object contact)
    {
        using var response = await host.SendAsync(HttpMethod.Put, $"api/manage/contacts/{id}", host.Host.AdminKey, contact);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
