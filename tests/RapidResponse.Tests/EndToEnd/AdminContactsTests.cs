using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>A coordinator sets up a region without touching storage.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class AdminContactsTests(LocalHostFixture host)
{
    [Fact]
    public async Task CsvImport_KeepsValidRows_AndReportsEachBadRowWithoutEchoingNumbers()
    {
        var (_, region) = TestData.Region();
        var goodPhone = TestData.Phone();
        var csv = $"""
            name,region,role,tier,phone,email,language,active
            Aigerim N.,{region},lawyer,1,{goodPhone},,ru,true
            "Rights Bureau, Almaty",{region},ngo,1,,press@rights.example.org,ru,true
            No Role,{region},plumber,1,+77011112233,,,
            Bad Phone,{region},lawyer,1,+7123,,,
            Bad Tier,{region},lawyer,x,+77014445566,,,
            """;
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");

        using var response = await host.Client.SendAsync(host.Request(HttpMethod.Post, "api/manage/contacts/import", host.Host.AdminKey, content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, report["imported"]!.GetValue<int>());
        Assert.Equal(3, report["rejected"]!.GetValue<int>());
        var errors = report["errors"]!.AsArray();
        Assert.Equal([4, 5, 6], errors.Select(e => e!["row"]!.GetValue<int>()));
        Assert.True(errors[0]!["errors"]!.AsObject().ContainsKey("role"));
        Assert.True(errors[1]!["errors"]!.AsObject().ContainsKey("phone"));
        Assert.True(errors[2]!["errors"]!.AsObject().ContainsKey("tier"));
        Assert.DoesNotContain("+7123", report.ToJsonString(), StringComparison.Ordinal);

        using var listed = await host.SendAsync(HttpMethod.Get, $"api/manage/contacts?region={region}", host.Host.AdminKey);
        var contacts = (await listed.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.Equal(2, contacts.Count);
        Assert.Contains(contacts, c => c!["phone"]?.GetValue<string>() == goodPhone);
        Assert.Contains(contacts, c => c!["name"]!.GetValue<string>() == "Rights Bureau, Almaty");
    }

    [Fact]
    public async Task CsvExport_ImportsBackIntoAnotherRegion_AsTheSameContacts_PhonesIncluded_FormulasNeutralised()
    {
        var (_, region) = TestData.Region();
        var phone = TestData.Phone();
        await Scenario.PutContactAsync(host, "x-lawyer", new { name = "Айгерим Нурланова", region, role = "lawyer", tier = 1, phone, language = "ru" });
        await Scenario.PutContactAsync(host, "x-ngo", new { name = "=HYPERLINK(\"http://evil.example\",\"Bureau\")", region, role = "ngo", tier = 2, email = "press@rights.example.org", language = "en" });

        using var exported = await host.SendAsync(HttpMethod.Get, $"api/manage/contacts/export?region={region.ToLowerInvariant()}", host.Host.AdminKey);

        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("text/csv", exported.Content.Headers.ContentType?.MediaType);
        var bytes = await exported.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("contactId,name,region,role,tier,phone,email,language,active,prefers\r\n", text, StringComparison.Ordinal);
        Assert.Contains($",lawyer,1,\"'{phone}\",,ru,true,\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(", text, StringComparison.Ordinal);

        var (_, other) = TestData.Region();
        var moved = text.Replace($",{region},", $",{other},", StringComparison.Ordinal);
        using var content = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(moved)]);
        content.Headers.ContentType = new("text/csv");
        using var imported = await host.Client.SendAsync(host.Request(HttpMethod.Post, "api/manage/contacts/import", host.Host.AdminKey, content));
        var report = (await imported.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(imported.StatusCode == HttpStatusCode.OK && report["rejected"]!.GetValue<int>() == 0, report.ToJsonString());
        Assert.Equal(2, report["imported"]!.GetValue<int>());

        using var again = await host.SendAsync(HttpMethod.Get, $"api/manage/contacts/export?region={other}", host.Host.AdminKey);
        Assert.Equal(moved, Encoding.UTF8.GetString((await again.Content.ReadAsByteArrayAsync())[3..]));
    }

    [Fact]
    public async Task CsvExport_OfABadRegion_Is422_AndWithoutTheAdminKey_Is401()
    {
        using var bad = await host.SendAsync(HttpMethod.Get, "api/manage/contacts/export?region=not%20a%20region", host.Host.AdminKey);
        using var anonymous = await host.SendAsync(HttpMethod.Get, "api/manage/contacts/export?region=KZ", bearer: null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task CsvImport_TheSampleFileOfTheOperationsGuide_ImportsEveryRow()
    {
        // The sample names its own regions; moved into this test's region so the run's shared INTL stays as it is.
        var (_, region) = TestData.Region();
        var lines = await File.ReadAllLinesAsync(Repository.File("docs", "examples", "contacts.csv"));
        var csv = string.Join('\n', lines.Select(line => Regex.Replace(line, ",(KZ-SHY|KZ|INTL),", $",{region},")));
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");

        using var response = await host.Client.SendAsync(host.Request(HttpMethod.Post, "api/manage/contacts/import", host.Host.AdminKey, content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(0, report["rejected"]!.GetValue<int>());
        Assert.Equal(lines.Length - 1, report["imported"]!.GetValue<int>());
    }

    [Fact]
    public async Task CsvImport_OfAFileSavedByExcel_WithItsByteOrderMarkAndCrlf_KeepsEveryRow()
    {
        var (_, region) = TestData.Region();
        var csv = "name,region,role,tier,phone,email,language,active\r\n"
            + $"Aigerim N.,{region},lawyer,1,{TestData.Phone()},,ru,TRUE\r\n"
            + $"\"Rights Bureau, \"\"Almaty\"\"\",{region},ngo,1,,press@rights.example.org,ru,TRUE\r\n";
        using var content = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        content.Headers.ContentType = new("text/csv") { CharSet = "utf-8" };

        using var response = await host.Client.SendAsync(host.Request(HttpMethod.Post, "api/manage/contacts/import", host.Host.AdminKey, content));

        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToJsonString());
        Assert.Equal(2, report["imported"]!.GetValue<int>());
        Assert.Equal(0, report["rejected"]!.GetValue<int>());
        using var listed = await host.SendAsync(HttpMethod.Get, $"api/manage/contacts?region={region}", host.Host.AdminKey);
        var contacts = (await listed.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.Contains(contacts, c => c!["name"]!.GetValue<string>() == "Rights Bureau, \"Almaty\"");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("english")]
    public async Task PutContact_WithAnUnsupportedLanguage_Is422NamingTheSupportedOnes(string language)
    {
        using var response = await host.SendAsync(HttpMethod.Put, "api/manage/contacts/lang1", host.Host.AdminKey,
            new { name = "Lang Test", region = TestData.Region().Region, role = "lawyer", tier = 1, phone = TestData.Phone(), language });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        var message = Assert.Single(errors["language"]!.AsArray())!.GetValue<string>();
        Assert.Equal("must be one of the supported languages: en, ru, kk", message);
    }

    [Fact]
    public async Task PutContact_WithBadFields_Is422NamingEachField()
    {
        using var response = await host.SendAsync(HttpMethod.Put, "api/manage/contacts/x1", host.Host.AdminKey,
            new { name = "", region = "nowhere-land", role = "wizard", phone = "12345", email = "not-an-email" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        foreach (var field in new[] { "name", "region", "role", "phone", "email" })
        {
            Assert.True(errors.ContainsKey(field), $"errors should name {field}: {errors}");
        }
    }

    [Theory]
    [InlineData("POST", "api/manage/organizers")]
    [InlineData("PUT", "api/manage/contacts/x1")]
    [InlineData("GET", "api/manage/contacts?region=KZ")]
    [InlineData("POST", "api/manage/contacts/import")]
    public async Task AdminEndpoints_RejectOrganizerTokens(string method, string path)
    {
        var scenario = await Scenario.CreateAsync(host);

        using var response = await host.SendAsync(new HttpMethod(method), path, scenario.OrganizerToken, method == "GET" ? null : new { });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
