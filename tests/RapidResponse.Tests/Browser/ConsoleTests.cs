using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RapidResponse.Tests.Support;
using ZXing;
using static Microsoft.Playwright.Assertions;

namespace RapidResponse.Tests.Browser;

/// <summary>The coordinators' console in a real (headless) Chromium, signed in with the admin key.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleTests(BrowserFixture browser)
{
    private LocalHostFixture Host => browser.Host;

    [Fact]
    public async Task SignIn_RefusesAWrongToken_TakesALinksToken_AndSignOutLeavesNothingInTheBrowser()
    {
        await using var context = await browser.DesktopAsync();
        var console = await ConsolePage.OpenAsync(context);
        await Expect(console.Page.Locator("#sign-in")).ToBeVisibleAsync();
        await console.ShotsAsync("c01-sign-in");

        await console.Page.Locator("#token").FillAsync("not-the-admin-key-at-all-000000");
        await console.Page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await Expect(console.Page.Locator("#sign-in-status")).ToHaveTextAsync("This token was not accepted.");
        Assert.Equal(0, await console.Page.EvaluateAsync<int>("sessionStorage.length"));
        await console.ShotsAsync("c02-sign-in-refused");

        await console.SignInAsync(Host.Host.AdminKey);
        await Expect(console.Page.Locator("#who")).ToContainTextAsync("Admin · owner · all regions");
        Assert.Equal(Host.Host.AdminKey, await console.Page.EvaluateAsync<string>("sessionStorage.getItem('rr.console.token')"));

        await console.Page.Locator("#sign-out").ClickAsync();
        await Expect(console.Page.Locator("#sign-in")).ToBeVisibleAsync();
        Assert.Equal(0, await console.Page.EvaluateAsync<int>("sessionStorage.length + localStorage.length"));
        Assert.Equal("", await console.Page.EvaluateAsync<string>("document.cookie"));
        await console.Page.ReloadAsync();
        await Expect(console.Page.Locator("#sign-in")).ToBeVisibleAsync();
        await Expect(console.Page.Locator("#tabs")).ToBeHiddenAsync();

        // The local host's demo banner links the console as …/api/console#token=…: read once, then gone from the address.
        var linked = await ConsolePage.OpenAsync(context, "api/console#token=" + Uri.EscapeDataString(Host.Host.AdminKey));
        await Expect(linked.Page.Locator("#tabs")).ToBeVisibleAsync();
        Assert.Equal("", await linked.Page.EvaluateAsync<string>("location.hash"));
        Assert.Empty(console.Errors.Concat(linked.Errors));
    }

    [Fact]
    public async Task ContactsImport_PreviewsABadRowWithoutSaving_ThenTheFixedFileImports_AndAContactIsDeactivated()
    {
        var (_, region) = TestData.Region();
        var (good, bad, fixedPhone) = (TestData.Phone(), "12345", TestData.Phone());
        string Csv(string secondPhone) =>
            $"name,region,role,tier,phone,email,language,prefers\nAigerim Test,{region},lawyer,1,{good},,ru,\nDaniyar Test,{region},lawyer,2,{secondPhone},,en,whatsapp\n";
        await using var context = await browser.DesktopAsync();
        var console = await ConsolePage.SignedInAsync(context, Host);
        await console.TabAsync("contacts");
        var page = console.Page;

        await page.Locator("#import-text").FillAsync(Csv(bad));
        await page.Locator("#import-check").ClickAsync();
        await Expect(page.Locator(".row-error[data-row='3']")).ToContainTextAsync("phone");
        await Expect(page.Locator("#import-preview")).ToContainTextAsync("Rows ready to import: 1.");
        await console.ShotsAsync("c03-import-preview-error");
        Assert.Empty(await ContactsAsync(region));

        await page.Locator("#import-text").FillAsync(Csv(fixedPhone));
        await Expect(page.Locator("#import-go")).ToBeHiddenAsync();
        await page.Locator("#import-check").ClickAsync();
        await Expect(page.Locator("#import-go")).ToHaveTextAsync("Import the valid rows (2)");
        await Expect(page.Locator(".row-error")).ToHaveCountAsync(0);
        await console.ShotsAsync("c04-import-preview-clean");
        await page.Locator("#import-go").ClickAsync();
        await Expect(page.Locator("#import-status")).ToHaveTextAsync("Contacts imported: 2.");
        Assert.Equal(2, (await ContactsAsync(region)).Count);

        await page.Locator("#contact-region").FillAsync(region);
        await page.Locator("#contact-filter button[type=submit]").ClickAsync();
        await Expect(page.Locator("#contact-rows tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#contact-rows")).Not.ToContainTextAsync(fixedPhone);
        await page.Locator("#contact-tier").SelectOptionAsync("2");
        await Expect(page.Locator("#contact-rows tr")).ToHaveCountAsync(1);
        await page.Locator("#contact-rows tr button", new() { HasText = "Deactivate" }).ClickAsync();
        await Expect(page.Locator("#contact-rows tr.inactive")).ToContainTextAsync("Daniyar Test");
        await page.Locator("#contact-rows tr button", new() { HasText = "Edit" }).ClickAsync();
        await page.Locator("#contact-edit [name=name]").FillAsync("Daniyar Renamed");
        await console.ShotsAsync("c05-contacts-edit");
        await page.Locator("#contact-edit button[type=submit]").ClickAsync();
        await Expect(page.Locator("#contact-rows")).ToContainTextAsync("Daniyar Renamed");
        await console.ShotsAsync("c06-contacts-list");

        // Deactivating and editing keep what the form does not change: WhatsApp stays the preferred channel.
        var daniyar = Assert.Single(await ContactsAsync(region), c => c!["tier"]!.GetValue<int>() == 2)!;
        Assert.Equal(
            ("Daniyar Renamed", false, fixedPhone, "whatsapp"),
            (daniyar["name"]!.GetValue<string>(), daniyar["active"]!.GetValue<bool>(), daniyar["phone"]!.GetValue<string>(), daniyar["prefers"]?.GetValue<string>()));

        // The export button downloads the region's list in the import's columns, addresses in full.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#contact-export").ClickAsync());
        Assert.Equal($"contacts-{region}.csv", download.SuggestedFilename);
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("contactId,name,region,role,tier,phone,email,language,active,prefers", exported, StringComparison.Ordinal);
        Assert.Contains($"Daniyar Renamed,{region},lawyer,2,\"'{fixedPhone}\",,en,false,whatsapp", exported, StringComparison.Ordinal);
        await Expect(page.Locator("#contact-status")).ToContainTextAsync($"contacts-{region}.csv");
        Assert.Empty(console.Errors);
    }

    [Fact]
    public async Task Organizer_Created_ShowsItsSignInLinkOnce_AsAQrCodeThatDecodesToTheLink()
    {
        var (_, region) = TestData.Region();
        await using var context = await browser.DesktopAsync();
        var console = await ConsolePage.SignedInAsync(context, Host);
        await console.TabAsync("organizers");
        var page = console.Page;

        await page.Locator("#organizer-name").FillAsync("Zhanar Console");
        await page.Locator("#organizer-regions").FillAsync(region.ToLowerInvariant());
        await page.Locator("#organizer-create button[type=submit]").ClickAsync();
        await Expect(page.Locator("#sign-in-qr")).ToBeVisibleAsync();
        await console.ShotsAsync("c07-organizer-sign-in-link");

        var link = await page.Locator("#sign-in-link").TextContentAsync() ?? "";
        Assert.StartsWith(Host.Host.BaseUrl.AbsoluteUri + "api/app#token=", link, StringComparison.Ordinal);
        Assert.Equal(link, await DecodeQrAsync(page.Locator("#sign-in-qr")));

        // The link signs the organizer in: its token is the organizer's own.
        var token = Uri.UnescapeDataString(link[(link.IndexOf("#token=", StringComparison.Ordinal) + 7)..]);
        using (var config = await Host.SendAsync(HttpMethod.Get, "api/app/config", token))
        {
            Assert.Equal(HttpStatusCode.OK, config.StatusCode);
            Assert.Equal("Zhanar Console", (await config.Content.ReadFromJsonAsync<JsonObject>())!["organizer"]!["name"]!.GetValue<string>());
        }

        await page.Locator("#sign-in-card button").ClickAsync();
        await Expect(page.Locator("#sign-in-card")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("body").Locator($"text={token}").CountAsync());
        var row = page.Locator("#organizer-rows tr", new() { HasText = "Zhanar Console" });
        await Expect(row).ToContainTextAsync(region);

        await row.Locator("input").FillAsync($"{region}, KZ-ALA");
        await row.Locator("button", new() { HasText = "Save regions" }).ClickAsync();
        await Expect(page.Locator("#organizer-status")).ToHaveTextAsync("Saved.");
        await Expect(page.Locator("#organizer-rows tr", new() { HasText = "Zhanar Console" }).Locator("input")).ToHaveValueAsync($"{region}, KZ-ALA");
        await page.Locator("#organizer-rows tr", new() { HasText = "Zhanar Console" }).Locator("button", new() { HasText = "Revoke" }).ClickAsync();
        await page.Locator("#organizer-rows tr", new() { HasText = "Zhanar Console" }).Locator("button", new() { HasText = "Confirm revoke" }).ClickAsync();
        await Expect(page.Locator("#organizer-rows tr", new() { HasText = "Zhanar Console" })).ToContainTextAsync("revoked");
        await console.ShotsAsync("c08-organizers-list");
        using (var revoked = await Host.SendAsync(HttpMethod.Get, "api/app/config", token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        }

        Assert.Empty(console.Errors);
    }

    [Fact]
    public async Task LiveBoard_ShowsAPressedAlert_ThenWhoIsResponding_AfterAYesReply_AndOpensItsCheckedRecord()
    {
        var scenario = await Scenario.CreateAsync(Host);
        await using var context = await browser.DesktopAsync();
        var console = await ConsolePage.SignedInAsync(context, Host);
        var page = console.Page;

        var alertId = (await scenario.PressAsync())["alertId"]!.GetValue<string>();
        var row = page.Locator($"#board-rows tr[data-alert='{alertId}']");
        await Expect(row).ToContainTextAsync("Detention");
        await Expect(row.Locator(".responding")).ToHaveTextAsync("nobody yet");
        await Host.StandIns.WaitForAsync(_ => Responders.SmsTo(Host, scenario.LawyerPhones[0], Responders.Reference(alertId)).Count > 0, Patience.Delivery);
        await console.ShotsAsync("c09-board-new-alert");

        using (var reply = await Responders.SmsAsync(Host, scenario.LawyerPhones[0], "YES " + Responders.Reference(alertId)))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        await Expect(row.Locator(".responding")).ToContainTextAsync("Lawyer0 (lawyer)");
        await console.ShotsAsync("c10-board-responding");

        await row.ClickAsync();
        await Expect(page.Locator("#record-check")).ToHaveTextAsync("The chain verifies: no entry was changed, removed or reordered.");
        await Expect(page.Locator("#fingerprint")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await Expect(page.Locator("#detail-responders")).ToContainTextAsync("Lawyer0");
        await Expect(page.Locator("#alert-detail")).Not.ToContainTextAsync(scenario.LawyerPhones[0]);
        await console.ShotsAsync("c11-alert-detail");

        using var record = await Host.SendAsync(HttpMethod.Get, $"api/alerts/{alertId}/record", Host.Host.AdminKey);
        var headHash = (await record.Content.ReadFromJsonAsync<JsonObject>())!["headHash"]!.GetValue<string>();
        Assert.Equal(headHash, await page.Locator("#fingerprint").TextContentAsync());
        Assert.Empty(console.Errors);
    }

    [Fact]
    public async Task Template_WithASyntaxError_ShowsTheErrorAtItsLine_AndADraftPreviews()
    {
        await using var context = await browser.DesktopAsync();
        var console = await ConsolePage.SignedInAsync(context, Host);
        await console.TabAsync("statements");
        var page = console.Page;

        await page.Locator("#preview-region").FillAsync("KZ-SHY");
        await page.Locator("#preview-incident").SelectOptionAsync("attack");
        await page.Locator("#preview-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#preview-text")).ToContainTextAsync("Shymkent");

        await page.Locator("#template-name").SelectOptionAsync("statement.ban.en.liquid");
        await page.Locator("#template-load").ClickAsync();
        await Expect(page.Locator("#template-text")).Not.ToHaveValueAsync("");
        await page.Locator("#template-text").FillAsync("# A ban\nline two {% if %}\nline three");
        await page.Locator("#template-form button[type=submit]").ClickAsync();
        var error = page.Locator(".template-error[data-line='2']");
        await Expect(error).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^Line 2, column \d+: "));
        await Expect(error.Locator(".bad-line")).ToContainTextAsync("line two {% if %}");
        await console.ShotsAsync("c12-template-error");

        await page.Locator("#template-load").ClickAsync();
        await page.Locator("#template-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#template-status")).ToHaveTextAsync("Saved: statement.ban.en.liquid is in use now.");
        await page.Locator("#profile-country").SelectOptionAsync("KZ");
        await page.Locator("#profile-load").ClickAsync();
        await Expect(page.Locator("#profile-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"country\": \"KZ\""));
        await page.Locator("#profile-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#profile-status")).ToHaveTextAsync("Saved: KZ is in use now.");
        await console.ShotsAsync("c13-statements");
        Assert.Empty(console.Errors);
    }

    [Fact]
    public async Task EscalationPolicy_IsEditedAndSaved_AndParkedMessagesAreListed_InRussian()
    {
        var (_, region) = TestData.Region();
        await using var context = await browser.DesktopAsync("ru-RU");
        var console = await ConsolePage.SignedInAsync(context, Host);
        await console.TabAsync("policies");
        var page = console.Page;
        await Expect(page.Locator("[data-tab=policies]")).ToHaveTextAsync("Эскалация и отложенные");

        await page.Locator("#policy-region").FillAsync(region);
        await page.Locator("#policy-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#policy-note")).ToContainTextAsync("по умолчанию");
        await Expect(page.Locator("#policy-steps tr")).ToHaveCountAsync(3);
        await page.Locator("#policy-add").ClickAsync();
        await page.Locator("#policy-steps tr").Nth(3).Locator("[name=afterSeconds]").FillAsync("1800");
        await Expect(page.Locator("#policy-steps tr").Nth(3).Locator("[name=scope] option"))
            .ToHaveTextAsync(["никого нового", "цепочка регионов", "международные"]);
        await page.Locator("#policy-steps tr").Nth(3).Locator("[name=scope]").SelectOptionAsync("intl");
        await page.Locator("#policy-save").ClickAsync();
        await Expect(page.Locator("#policy-status")).ToHaveTextAsync("Сохранено.");
        await Expect(page.Locator("#policy-note")).ToHaveTextAsync("");
        await console.ShotsAsync("c14-policy-ru");

        using (var saved = await Host.SendAsync(HttpMethod.Get, $"api/manage/escalation-policies/{region}", Host.Host.AdminKey))
        {
            var steps = (await saved.Content.ReadFromJsonAsync<JsonObject>())!["steps"]!.AsArray();
            Assert.Equal([120, 300, 900, 1800], steps.Select(s => s!["afterSeconds"]!.GetValue<int>()));

            // The default's call step stays a call step that alerts nobody new: the editor keeps what it shows.
            Assert.Equal((true, null), (steps[0]!["call"]!.GetValue<bool>(), steps[0]!["scope"]?.GetValue<string>()));
            Assert.Equal("intl", steps[3]!["scope"]!.GetValue<string>());
        }

        await page.Locator("#parked-queue").SelectOptionAsync("escalations");
        await page.Locator("#parked-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#parked-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("В escalations ничего не отложено|^$"));
        await page.Locator("#parked-replay").ClickAsync();
        await Expect(page.Locator("#parked-status")).ToContainTextAsync("Возвращено в escalations");
        await console.ShotsAsync("c15-parked-ru");
        Assert.Empty(console.Errors);
    }

    [Fact]
    public async Task AViewerAccount_SeesTheBoardAndLists_InKazakh_ButNoControlThatChangesThem()
    {
        await Scenario.PutContactAsync(Host, "viewer-sees-" + Guid.NewGuid().ToString("N")[..6], new { name = "Saule Visible", region = "KZ-SHY", role = "lawyer", tier = 1, phone = TestData.Phone() });
        await Responders.OrganizerAsync(Host, "KZ-SHY", TestData.Phone());
        using var created = await Host.SendAsync(
            HttpMethod.Post, "api/manage/coordinators", Host.Host.AdminKey, new { name = "Aliya Viewer", role = "viewer", regions = new[] { "KZ-SHY" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var viewerToken = (await created.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        await using var context = await browser.DesktopAsync();

        // The real GET /api/manage/me answers who this is; the page shows only what its permissions allow.
        var console = await ConsolePage.OpenAsync(context);
        await console.SignInAsync(viewerToken);
        var page = console.Page;
        await Expect(page.Locator("#who")).ToHaveTextAsync("Aliya Viewer · viewer · KZ-SHY");
        await page.Locator("#language").SelectOptionAsync("kk");
        await Expect(page.Locator("#who")).ToHaveTextAsync("Aliya Viewer · бақылаушы · KZ-SHY");
        await Expect(page.Locator("[data-tab=board]")).ToHaveTextAsync("Дабылдар");
        await Expect(page.Locator("#language option[value=kk]")).ToHaveTextAsync("Қазақша");

        await console.TabAsync("contacts");
        await Expect(page.Locator("#contact-region")).ToHaveValueAsync("KZ-SHY");
        await Expect(page.Locator("#contact-role option").First).ToHaveTextAsync("кез келген рөл");
        await page.Locator("#contact-filter button[type=submit]").ClickAsync();
        await Expect(page.Locator("#contact-rows tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#contact-add")).ToBeHiddenAsync();
        await Expect(page.Locator("#contact-export")).ToBeHiddenAsync();
        await Expect(page.Locator("#import-check")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("#contact-rows button:visible").CountAsync());
        await console.ShotsAsync("c16-viewer-contacts-kk");

        await console.TabAsync("organizers");
        await Expect(page.Locator("#organizer-rows tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#organizer-create")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("#organizer-rows button:visible, #organizer-rows input:visible").CountAsync());
        await console.TabAsync("statements");
        await Expect(page.Locator("#preview-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#template-form")).ToBeHiddenAsync();
        await Expect(page.Locator("#profile-form")).ToBeHiddenAsync();
        await console.TabAsync("policies");
        await Expect(page.Locator("#parked-replay")).ToBeHiddenAsync();
        await console.ShotsAsync("c17-viewer-policies-kk");
        Assert.Empty(console.Errors);
    }

    private async Task<IReadOnlyList<JsonNode?>> ContactsAsync(string region)
    {
        using var response = await Host.SendAsync(HttpMethod.Get, $"api/manage/contacts?region={region}", Host.Host.AdminKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!.ToList();
    }

    /// <summary>Rasterizes the QR image as the browser drew it (a canvas of its PNG) and decodes it with ZXing.</summary>
    private static async Task<string?> DecodeQrAsync(ILocator image)
    {
        var pixels = await image.EvaluateAsync<JsonElement>("""
            async (img) => {
              await img.decode(); // visible is not yet decoded: a data URI can still be decoding, and draws blank
              const canvas = document.createElement("canvas");
              canvas.width = img.naturalWidth;
              canvas.height = img.naturalHeight;
              const context = canvas.getContext("2d");
              context.drawImage(img, 0, 0);
              const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
              let binary = "";
              for (let i = 0; i < data.length; i++) binary += String.fromCharCode(data[i]);
              return { width: canvas.width, height: canvas.height, rgba: btoa(binary) };
            }
            """);
        var rgba = Convert.FromBase64String(pixels.GetProperty("rgba").GetString()!);
        var source = new RGBLuminanceSource(rgba, pixels.GetProperty("width").GetInt32(), pixels.GetProperty("height").GetInt32(), RGBLuminanceSource.BitmapFormat.RGBA32);
        var reader = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE] } };
        return reader.Decode(source)?.Text;
    }
}
