using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RapidResponse.Alerts;
using RapidResponse.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RapidResponse.Tests.Browser;

/// <summary>The panic page in a real (headless) Chromium against the local host and its stand-ins.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PanicPageTests(BrowserFixture browser)
{
    private static readonly TimeSpan SendTimeout = Patience.Delivery;

    private LocalHostFixture Host => browser.Host;

    [Fact]
    public async Task HoldingTwoSeconds_SendsExactlyOneAlert_WithTheChosenIncidentAndLocation()
    {
        var scenario = await Scenario.CreateAsync(Host);
        await using var context = await browser.PhoneAsync();
        var page = await PanicPage.OpenAsync(context, scenario.OrganizerToken);
        Assert.DoesNotContain("token", page.Page.Url, StringComparison.Ordinal);
        Assert.Equal(scenario.OrganizerToken, await page.Page.EvaluateAsync<string>("JSON.parse(localStorage.getItem('rr.token'))"));
        await Expect(page.Page.Locator("#geo")).ToContainTextAsync("25 m");
        await page.ScreenshotAsync("01-signed-in");

        await page.ChooseAsync("detention");
        await page.Page.Locator("#message").FillAsync("Police took both organisers");
        await page.HoldToSendAsync(screenshotMidway: "02-holding");

        await Expect(page.StatusTitle).ToHaveTextAsync("Alert sent");
        await Expect(page.Page.Locator("#roles li[data-role='lawyer']")).ToContainTextAsync("2 alerted · 2 sent");
        await page.ScreenshotAsync("03-sent");

        var alert = await StoredAlertAsync(page);
        Assert.Equal(Incident.Detention, alert.Incident);
        Assert.Equal("Police took both organisers", alert.Message);
        Assert.Equal(42.3417, alert.Location!.Lat!.Value, 3);
        Assert.Equal(25, alert.Location.AccuracyM);
        Assert.False(alert.Silent);
        await AssertOneAlertAsync(scenario, page);
    }

    [Fact]
    public async Task ShortTapAndShortKeyPress_SendNothing_InRussianForARussianPhone()
    {
        var scenario = await Scenario.CreateAsync(Host);
        await using var context = await browser.PhoneAsync("ru-RU");
        var page = await PanicPage.OpenAsync(context, scenario.OrganizerToken);
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.Button).ToContainTextAsync("Удерживайте");

        await page.HoldAsync(TimeSpan.FromMilliseconds(300));
        await page.Button.FocusAsync();
        await page.Page.Keyboard.DownAsync("Space");
        await page.Page.WaitForTimeoutAsync(500);
        await page.Page.Keyboard.UpAsync("Space");
        await page.Page.Keyboard.PressAsync("Enter");

        await Expect(page.Page.Locator("#hold-hint")).ToHaveTextAsync("Удерживайте 2 секунды, чтобы отправить.");
        await page.ScreenshotAsync("04-short-tap-ru");
        await page.Page.WaitForTimeoutAsync(2500);
        Assert.Empty(page.PanicKeys);
        Assert.True(await page.Page.Locator("#view-panic").IsVisibleAsync());
        Assert.DoesNotContain(Host.StandIns.Sms, s => scenario.LawyerPhones.Contains(s.To));
    }

    [Fact]
    public async Task APhoneInKazakh_GetsThePageInKazakh_TheLanguageButtonGoesThroughAllThree_AndAPressIsSent()
    {
        var scenario = await Scenario.CreateAsync(Host);
        await using var context = await browser.PhoneAsync("kk-KZ");
        var page = await PanicPage.OpenAsync(context, scenario.OrganizerToken);
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await Expect(page.Button).ToContainTextAsync("Басып тұрыңыз");
        await Expect(page.Page.Locator(".chip[data-incident='detention']")).ToContainTextAsync("Ұстап алу");
        await Expect(page.Page.Locator("#lang")).ToHaveTextAsync("English");
        await page.ScreenshotAsync("14-panic-kk");

        await page.Page.Locator("#lang").ClickAsync();
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Page.Locator("#lang")).ToHaveTextAsync("Русский");
        await page.Page.Locator("#lang").ClickAsync();
        await page.Page.Locator("#lang").ClickAsync();
        await Expect(page.Page.Locator("html")).ToHaveAttributeAsync("lang", "kk");

        await page.ChooseAsync("detention");
        await page.HoldToSendAsync();
        await Expect(page.StatusTitle).ToHaveTextAsync("Дабыл жіберілді", new() { Timeout = 15_000 });
        await page.ScreenshotAsync("15-panic-kk-sent");
    }

    [Fact]
    public async Task Offline_ThenOnline_RetriesWithTheSameKey_AndRaisesOneAlert()
    {
        var scenario = await Scenario.CreateAsync(Host);
        await using var context = await browser.PhoneAsync();
        var page = await PanicPage.OpenAsync(context, scenario.OrganizerToken);
        var routed = new List<string>();
        await page.Page.RouteAsync("**/api/panic", async route =>
        {
            int seen;
            lock (routed)
            {
                routed.Add(route.Request.Headers.TryGetValue("idempotency-key", out var key) ? key : "");
                seen = routed.Count;
            }

            // The first request that gets through after coming back online still fails: a flaky link.
            if (seen == 1)
            {
                await route.AbortAsync("connectionreset");
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        await context.SetOfflineAsync(true);
        await page.HoldToSendAsync();
        await Expect(page.StatusTitle).ToHaveTextAsync("Not sent yet");
        await Expect(page.Page.Locator("#sms-retry")).ToHaveAttributeAsync("href", "sms:+15005550006?&body=SOS%20");
        await page.ScreenshotAsync("05-retrying-offline");
        await page.Page.WaitForTimeoutAsync(1500);
        Assert.DoesNotContain(Host.StandIns.Sms, s => scenario.LawyerPhones.Contains(s.To));

        await context.SetOfflineAsync(false);
        await Expect(page.StatusTitle).ToHaveTextAsync("Alert sent");

        Assert.True(routed.Count >= 2, $"{routed.Count} requests reached the network");
        Assert.Single(page.PanicKeys.Concat(routed).Distinct());
        await AssertOneAlertAsync(scenario, page);
    }

    [Fact]
    public async Task AfterOneVisit_ThePageOpensWithNoNetwork_AndAPressMadeThenGoesOutWhenItReturns()
    {
        var scenario = await Scenario.CreateAsync(Host);
        await using var context = await browser.PhoneAsync();
        var page = await PanicPage.OpenAsync(context, scenario.OrganizerToken);
        Assert.True(await page.Page.EvaluateAsync<bool>("navigator.serviceWorker.ready.then(() => true)"));
        await Expect(page.Page.Locator("#panic")).ToBeVisibleAsync();
        await page.Page.WaitForFunctionAsync("navigator.serviceWorker.controller !== null");

        await context.SetOfflineAsync(true);
        await page.Page.ReloadAsync();

        await Expect(page.Button).ToBeVisibleAsync();
        await page.ScreenshotAsync("10-opened-offline");
        await page.HoldToSendAsync();
        await Expect(page.StatusTitle).ToHaveTextAsync("Not sent yet");

        await context.SetOfflineAsync(false);
        await Expect(page.StatusTitle).ToHaveTextAsync("Alert sent");
        await AssertOneAlertAsync(scenario, page);
    }

    [Fact]
    public async Task Acknowledgement_ShowsTheRespondersFirstName_InTheLiveStatus()
    {
        var scenario = await Scenario.CreateAsync(Host);
        await using var context = await browser.PhoneAsync();
        var page = await PanicPage.OpenAsync(context, scenario.OrganizerToken);
        await page.HoldToSendAsync();
        await Expect(page.StatusTitle).ToHaveTextAsync("Alert sent");
        await Host.StandIns.WaitForAsync(s => s.Sms.Any(m => m.To == scenario.LawyerPhones[0]), SendTimeout);

        using var reply = await Responders.SmsAsync(Host, scenario.LawyerPhones[0], "YES");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);

        await Expect(page.Page.Locator("#responders")).ToContainTextAsync("Lawyer0 (lawyer) is responding");
        await Expect(page.Page.Locator("#roles li[data-role='lawyer']")).ToContainTextAsync("1 responding");
        await page.ScreenshotAsync("06-acknowledged");
    }

    [Fact]
    public async Task WeAreSafe_ResolvesWithTheSafeCode_AndTheDuressCodeLooksExactlyTheSame()
    {
        var scenario = await Scenario.CreateAsync(Host);
        var safe = await OrganizerWithCodesAsync(scenario);
        var forced = await OrganizerWithCodesAsync(scenario);
        await using var safeContext = await browser.PhoneAsync();
        await using var forcedContext = await browser.PhoneAsync();
        var safePage = await PanicPage.OpenAsync(safeContext, safe);
        var forcedPage = await PanicPage.OpenAsync(forcedContext, forced);
        await Task.WhenAll(safePage.HoldToSendAsync(), forcedPage.HoldToSendAsync());
        await Expect(safePage.StatusTitle).ToHaveTextAsync("Alert sent");
        await Expect(forcedPage.StatusTitle).ToHaveTextAsync("Alert sent");

        await safePage.Page.Locator("#safe").ClickAsync();
        await safePage.ScreenshotAsync("07-resolve-form");
        await safePage.Page.Locator("#code").FillAsync("0000");
        await safePage.Page.Locator("#resolve-form button[type=submit]").ClickAsync();
        await Expect(safePage.Page.Locator("#resolve-error")).ToHaveTextAsync("That code was not accepted. Try again.");
        await safePage.ScreenshotAsync("08-wrong-code");

        await ResolveAsync(safePage, "2468");
        await ResolveAsync(forcedPage, "1357");
        await Expect(safePage.StatusTitle).ToHaveTextAsync("Resolved");
        await Expect(forcedPage.StatusTitle).ToHaveTextAsync("Resolved");

        // After a poll or two, both screens still show the same thing.
        await safePage.Page.WaitForTimeoutAsync(3500);
        await safePage.ScreenshotAsync("09-resolved-safe-code");
        await forcedPage.ScreenshotAsync("10-resolved-duress-code");
        Assert.Equal(
            await safePage.Page.Locator("#view-status").InnerTextAsync(),
            await forcedPage.Page.Locator("#view-status").InnerTextAsync());

        var safeAlert = await Responders.StatusAsync(Host, await AlertIdAsync(safePage), Host.Host.AdminKey);
        var forcedAlert = await Responders.StatusAsync(Host, await AlertIdAsync(forcedPage), Host.Host.AdminKey);
        Assert.Equal("resolved", safeAlert["status"]!.GetValue<string>());
        Assert.Null(safeAlert["duress"]);
        Assert.True(forcedAlert["duress"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SilentMode_ShowsNoConfirmation_ButTheAlertGoesOut()
    {
        var scenario = await Scenario.CreateAsync(Host);
        await using var context = await browser.PhoneAsync();
        var page = await PanicPage.OpenAsync(context, scenario.OrganizerToken);
        await page.Page.Locator("#silent").CheckAsync();

        await page.Button.FocusAsync();
        await page.Page.Keyboard.DownAsync("Space");
        await page.Page.WaitForTimeoutAsync(2400);
        await page.Page.Keyboard.UpAsync("Space");

        await Host.StandIns.WaitForAsync(s => s.Sms.Any(m => m.To == scenario.LawyerPhones[0]), SendTimeout);
        await Expect(page.Page.Locator("#cue")).ToHaveAttributeAsync("data-state", "sent");
        await page.ScreenshotAsync("11-silent-sent");
        Assert.True(await page.Page.Locator("#view-panic").IsVisibleAsync());
        Assert.False(await page.Page.Locator("#view-status").IsVisibleAsync());
        Assert.Equal("", await page.Page.Locator("#live").TextContentAsync());
        Assert.DoesNotContain("Alert sent", await page.Page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True((await StoredAlertAsync(page)).Silent);
    }

    [Fact]
    public async Task AnEventRegisteredOnThePage_IsPreselected_AndAPressCarriesItsPlaceAndPeople()
    {
        var scenario = await Scenario.CreateAsync(Host);
        await using var context = await browser.PhoneAsync();
        var page = await PanicPage.OpenAsync(context, scenario.OrganizerToken);
        await page.Page.Locator("#nav-events").ClickAsync();

        var now = DateTimeOffset.Now;
        await page.Page.Locator("#ev-name").FillAsync("Women's rights workshop");
        await page.Page.Locator("#ev-place").FillAsync("Community centre, Tauke Khan Ave");
        await page.Page.Locator("#ev-here").ClickAsync();
        await page.Page.Locator("#ev-start").FillAsync(Local(now.AddMinutes(-30)));
        await page.Page.Locator("#ev-end").FillAsync(Local(now.AddHours(3)));
        await page.Page.Locator("#ev-add-person").ClickAsync();
        await page.Page.Locator(".person .p-name").FillAsync("Zhanar S.");
        await page.Page.Locator(".person .p-role").FillAsync("co-founder");
        await page.Page.Locator(".person .p-public").CheckAsync();
        await page.ScreenshotAsync("12-event-form");
        await page.Page.Locator("#event-form button[type=submit]").ClickAsync();
        await Expect(page.Page.Locator("#events li")).ToContainTextAsync("Women's rights workshop");
        await Expect(page.Page.Locator("#events li .now")).ToBeVisibleAsync();

        await page.Page.Locator("#nav-panic").ClickAsync();
        await Expect(page.Page.Locator("#event-name")).ToContainTextAsync("Women's rights workshop");
        await page.ScreenshotAsync("13-event-preselected");
        await page.ChooseAsync("raid");
        await page.HoldToSendAsync();
        await Expect(page.StatusTitle).ToHaveTextAsync("Alert sent");

        var alert = await StoredAlertAsync(page);
        Assert.Equal("Women's rights workshop", alert.EventName);
        Assert.Equal("Community centre, Tauke Khan Ave", alert.Location!.Text);
        Assert.Equal(25, alert.Location.AccuracyM);
        Assert.Equal(new Person("Zhanar S.", "co-founder", true), Assert.Single(alert.People));
    }

    private static string Local(DateTimeOffset at) => at.LocalDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static async Task ResolveAsync(PanicPage page, string code)
    {
        if (await page.Page.Locator("#safe").IsVisibleAsync())
        {
            await page.Page.Locator("#safe").ClickAsync();
        }

        await page.Page.Locator("#code").FillAsync(code);
        await page.Page.Locator("#resolve-form button[type=submit]").ClickAsync();
    }

    private async Task<string> OrganizerWithCodesAsync(Scenario scenario)
    {
        var token = await scenario.NewOrganizerAsync();
        using var response = await Host.SendAsync(HttpMethod.Put, "api/me", token, new { safeCode = "2468", duressCode = "1357" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return token;
    }

    private static async Task<string> AlertIdAsync(PanicPage page) =>
        await page.Page.EvaluateAsync<string>("JSON.parse(localStorage.getItem('rr.alert')).alertId");

    private async Task<Alert> StoredAlertAsync(PanicPage page) =>
        (await Host.Host.Services.GetRequiredService<AlertStore>().GetAsync(await AlertIdAsync(page), CancellationToken.None))!;

    /// <summary>Every lawyer got one alert SMS, and a moment later still only one.</summary>
    private async Task AssertOneAlertAsync(Scenario scenario, PanicPage page)
    {
        await Host.StandIns.WaitForAsync(s => scenario.LawyerPhones.All(p => s.Sms.Any(m => m.To == p)), SendTimeout);
        await page.Page.WaitForTimeoutAsync(1000);
        foreach (var phone in scenario.LawyerPhones)
        {
            Assert.Single(Host.StandIns.Sms, s => s.To == phone);
        }
    }
}
