using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RapidResponse.Page;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.EndToEnd;

/// <summary>The page is served by the app itself, with a strict CSP, and its config holds no secret.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class PanicPageServingTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("api/app", "text/html")]
    [InlineData("api/app/assets/app.js", "text/javascript")]
    [InlineData("api/app/assets/i18n.js", "text/javascript")]
    [InlineData("api/app/assets/app.css", "text/css")]
    [InlineData("api/app/assets/manifest.webmanifest", "application/manifest+json")]
    [InlineData("api/app/assets/icon.svg", "image/svg+xml")]
    [InlineData("api/console", "text/html")]
    [InlineData("api/console/assets/c-main.js", "text/javascript")]
    [InlineData("api/console/assets/console.css", "text/css")]
    public async Task PageFiles_AreServedWithAStrictPolicy_AndRevalidatedByETag(string path, string mediaType)
    {
        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("default-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.Tag);
        using var revalidated = await host.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public void ThePage_NamesNoOtherHost_AndHasNoInlineScriptOrStyle()
    {
        foreach (var name in PageAssets.Names)
        {
            var text = System.Text.Encoding.UTF8.GetString(PageAssets.Find(name)!.Content).Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal);
            Assert.DoesNotContain("http:", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https:", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" style=", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script>", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task UnknownFile_Is404ProblemJson()
    {
        using var response = await host.Client.GetAsync("api/app/assets/..%2FRapidResponse.dll");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Config_GivesTheSmsFallback_AndForAGoodTokenWhoseDeviceItIs_ButA401ForABadOne()
    {
        var scenario = await Scenario.CreateAsync(host);

        using var anonymous = await host.SendAsync(HttpMethod.Get, "api/app/config", null);
        var config = (await anonymous.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("+15005550006", config["smsNumber"]!.GetValue<string>());
        Assert.Equal("SOS", config["smsKeyword"]!.GetValue<string>());
        Assert.Null(config["organizer"]);

        using var signedIn = await host.SendAsync(HttpMethod.Get, "api/app/config", scenario.OrganizerToken);
        var organizer = (await signedIn.Content.ReadFromJsonAsync<JsonObject>())!["organizer"]!;
        Assert.Equal([scenario.Region], organizer["regions"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Null(organizer["phone"]);
        Assert.Equal("no-store", signedIn.Headers.CacheControl!.ToString());

        using var forged = await host.SendAsync(HttpMethod.Get, "api/app/config", scenario.OrganizerToken[..^2] + "xx");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task TheLocalHostsRoot_RedirectsToThePage()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Host.BaseUrl };
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/app", response.Headers.Location!.OriginalString);
    }
}
