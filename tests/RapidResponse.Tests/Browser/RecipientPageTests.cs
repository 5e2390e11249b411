using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RapidResponse.Recipients;
using RapidResponse.Storage;
using RapidResponse.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RapidResponse.Tests.Browser;

/// <summary>Lawyers' and NGOs' own pages in a real (headless) Chromium, opened from the link the stand-ins recorded.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RecipientPageTests(BrowserFixture browser)
{
    private static readonly TimeSpan SendTimeout = Patience.Delivery;

    private LocalHostFixture Host => browser.Host;

    [Fact]
    public async Task Lawyer_InEnglish_OpensTheSmsLink_Acknowledges_SendsAStatus_AndTheOrganizerSeesBoth()
    {
        var scenario = await Scenario.CreateAsync(Host);
        var (alertId, reference) = await PressAsync(scenario);
        await Host.StandIns.WaitForAsync(_ => Responders.SmsTo(Host, scenario.LawyerPhones[0], reference).Count > 0, SendTimeout);
        await using var context = await browser.PhoneAsync();
        var page = await OpenAsync(context, PageLinks.FromSms(Host, scenario.LawyerPhones[0], reference));

        await Expect(page.Locator("#title")).ToHaveTextAsync("Detention: human-rights defenders at risk");
        await Expect(page.Locator("#facts")).ToContainTextAsync("Police took both organisers");
        await Expect(page.Locator("#facts a")).ToHaveAttributeAsync("href", "https://maps.google.com/?q=42.3417,69.5901");
        await ShotAsync(page, "r01-lawyer-en-opened");

        await page.Locator("#ack").ClickAsync();
        await Expect(page.Locator("#my-state")).ToContainTextAsync("You are responding");
        await page.Locator("#status-choice").SelectOptionAsync("at-police-station");
        await page.Locator("#status-send").ClickAsync();
        await Expect(page.Locator("#responders")).ToContainTextAsync("At the police station");
        await ShotAsync(page, "r02-lawyer-en-responding");

        var status = await Responders.WaitForTimelineAsync(Host, alertId, "responder-status", 1, SendTimeout);
        Assert.Equal("Lawyer0", Assert.Single(status["acknowledgements"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lawyer_InRussian_SaysTheyCantGo_AndTheOrganizersTimelineShowsIt()
    {
        var scenario = await Scenario.CreateAsync(Host);
        var phone = TestData.Phone();
        await Scenario.PutContactAsync(Host, "lawyer-ru", new { name = "Айгерим Нурланова", region = scenario.Region, role = "lawyer", tier = 1, phone, language = "ru" });
        var (alertId, reference) = await PressAsync(scenario);
        await Host.StandIns.WaitForAsync(_ => Responders.SmsTo(Host, phone, reference).Count > 0, SendTimeout);
        await using var context = await browser.PhoneAsync("ru-RU");
        var page = await OpenAsync(context, PageLinks.FromSms(Host, phone, reference));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.Locator("#title")).ToHaveTextAsync("Задержание: правозащитники в опасности");
        await Expect(page.Locator("#ack")).ToHaveTextAsync("Я откликаюсь");
        await ShotAsync(page, "r03-lawyer-ru-opened");

        await page.Locator("#decline").ClickAsync();
        await Expect(page.Locator("#my-state")).ToHaveTextAsync("Вы сообщили, что не можете поехать. Организатор это видит, и эскалация больше не ждёт вас.");
        await Expect(page.Locator("#decline")).ToBeHiddenAsync();
        await ShotAsync(page, "r04-lawyer-ru-cant-go");

        var status = await Responders.WaitForTimelineAsync(Host, alertId, "declined", 1, SendTimeout);
        Assert.Contains(status["timeline"]!.AsArray(), t => t!["text"]!.GetValue<string>() == "Айгерим (lawyer) cannot go");
    }

    [Fact]
    public async Task Lawyer_InRussian_InShymkent_ReadsThePlaceName_NotTheRegionCode()
    {
        var phone = TestData.Phone();
        await Scenario.PutContactAsync(Host, "lawyer-shy-" + Guid.NewGuid().ToString("N")[..8],
            new { name = "Айгерим Нурланова", region = "KZ-SHY", role = "lawyer", tier = 1, phone, language = "ru" });
        var organizer = await Responders.OrganizerAsync(Host, "KZ-SHY", TestData.Phone());
        using var pressed = await Host.SendAsync(HttpMethod.Post, "api/panic", organizer, new
        {
            region = "KZ-SHY",
            incident = "detention",
            location = new { lat = 42.3155, lon = 69.5869, text = "ОП №2, ул. Тауке хана" },
        });
        Assert.Equal(HttpStatusCode.Accepted, pressed.StatusCode);
        var reference = Responders.Reference((await pressed.Content.ReadFromJsonAsync<JsonObject>())!["alertId"]!.GetValue<string>());
        await Host.StandIns.WaitForAsync(_ => Responders.SmsTo(Host, phone, reference).Count > 0, SendTimeout);
        await using var context = await browser.PhoneAsync("ru-RU");
        var page = await OpenAsync(context, PageLinks.FromSms(Host, phone, reference));

        await Expect(page.Locator("#facts dd").Nth(2)).ToHaveTextAsync("ОП №2, ул. Тауке хана, Шымкент");
        await Expect(page.Locator("#facts")).Not.ToContainTextAsync("KZ-SHY");
        await ShotAsync(page, "r14-lawyer-ru-shymkent");
    }

    [Fact]
    public async Task Ngo_InEnglish_ReadsAndCopiesTheDraft_AndSaysWeAreResponding()
    {
        var scenario = await Scenario.CreateAsync(Host);
        var (alertId, reference) = await PressAsync(scenario);
        await Host.StandIns.WaitForAsync(_ => Responders.EmailSubjectsTo(Host, scenario.NgoEmails[0], reference).Count > 0, SendTimeout);
        await using var context = await browser.PhoneAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await OpenAsync(context, PageLinks.FromEmail(Host, scenario.NgoEmails[0], reference));

        await Expect(page.Locator("#ack")).ToHaveTextAsync("We are responding");
        await Expect(page.Locator("#decline")).ToBeHiddenAsync();
        await Expect(page.Locator(".draft pre").First).ToContainTextAsync("Zhanar S.");
        await Expect(page.Locator(".draft a[href$='/drafts/0.docx']")).ToBeVisibleAsync();
        await ShotAsync(page, "r05-ngo-en-opened");

        await page.Locator(".draft .copy").First.ClickAsync();
        await Expect(page.Locator(".draft .copy").First).ToHaveTextAsync("Copied");
        Assert.Contains("Zhanar S.", await page.EvaluateAsync<string>("navigator.clipboard.readText()"), StringComparison.Ordinal);
        await page.Locator("#ack").ClickAsync();
        await Expect(page.Locator("#my-state")).ToHaveTextAsync("Your organisation is responding. The organiser can see it.");
        await ShotAsync(page, "r06-ngo-en-responding");

        var status = await Responders.StatusAsync(Host, alertId, scenario.OrganizerToken);
        Assert.Equal("ngo", Assert.Single(status["acknowledgements"]!.AsArray())!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ngo_InRussian_SeesTheUpdatedDraftAfterAnUpdate_AndAcknowledges()
    {
        var scenario = await Scenario.CreateAsync(Host);
        var email = TestData.Email("ngo-ru");
        await Scenario.PutContactAsync(Host, "ngo-ru", new { name = "Правозащитный центр", region = scenario.Country, role = "ngo", tier = 1, email, language = "ru" });
        var (alertId, reference) = await PressAsync(scenario);
        await Host.StandIns.WaitForAsync(_ => Responders.EmailSubjectsTo(Host, email, reference).Count > 0, SendTimeout);
        using var update = await Host.SendAsync(HttpMethod.Post, $"api/alerts/{alertId}/updates", scenario.OrganizerToken, new { status = "charged", message = "Обвинение по ст. 488" });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        await using var context = await browser.PhoneAsync("ru-RU");
        var page = await OpenAsync(context, PageLinks.FromEmail(Host, email, reference));

        await Expect(page.Locator("#updates")).ToContainTextAsync("Предъявлено обвинение");
        await Expect(page.Locator(".draft")).ToHaveCountAsync(2);
        await page.Locator("#ack").ClickAsync();
        await Expect(page.Locator("#my-state")).ToHaveTextAsync("Ваша организация откликнулась. Организатор это видит.");
        await ShotAsync(page, "r07-ngo-ru-update-responding");
    }

    [Fact]
    public async Task SilentAndDuress_ThePageSaysDoNotCallTheOrganizer()
    {
        var scenario = await Scenario.CreateAsync(Host);
        using var codes = await Host.SendAsync(HttpMethod.Put, "api/me", scenario.OrganizerToken, new { safeCode = "2468", duressCode = "1357", sharePhone = true });
        Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
        var silentPress = new Dictionary<string, object?> { ["region"] = scenario.Region, ["incident"] = "raid", ["silent"] = true, ["message"] = "They are searching the office" };
        var silentReference = Responders.Reference((await scenario.PressAsync(silentPress))["alertId"]!.GetValue<string>());
        var (forcedId, forcedReference) = await PressAsync(scenario);
        await Host.StandIns.WaitForAsync(_ => Responders.SmsTo(Host, scenario.LawyerPhones[0], silentReference).Count > 0
            && Responders.SmsTo(Host, scenario.LawyerPhones[0], forcedReference).Count > 0, SendTimeout);
        using var forced = await Host.SendAsync(HttpMethod.Post, $"api/alerts/{forcedId}/resolve", scenario.OrganizerToken, new { outcome = "safe", code = "1357" });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        await using var context = await browser.PhoneAsync();

        var silent = await OpenAsync(context, PageLinks.FromSms(Host, scenario.LawyerPhones[0], silentReference));
        await Expect(silent.Locator("#banner-silent")).ToHaveTextAsync("Silent alert: do not call or text the organiser's phone. Someone may be watching it.");
        await Expect(silent.Locator("#organizer-box")).ToBeHiddenAsync();
        await ShotAsync(silent, "r08-lawyer-silent");

        var duress = await OpenAsync(context, PageLinks.FromSms(Host, scenario.LawyerPhones[0], forcedReference));
        await Expect(duress.Locator("#banner-duress")).ToContainTextAsync("Do not call or text the organiser's phone.");
        await Expect(duress.Locator("#banner-resolved")).ToBeHiddenAsync();
        await Expect(duress.Locator("#ack")).ToBeVisibleAsync();
        await Expect(duress.Locator("#organizer-box")).ToBeHiddenAsync();
        await ShotAsync(duress, "r09-lawyer-duress");
    }

    [Fact]
    public async Task ForgedAndExpiredLinks_AnswerTheStyled404Page()
    {
        var scenario = await Scenario.CreateAsync(Host);
        var (_, reference) = await PressAsync(scenario);
        await Host.StandIns.WaitForAsync(_ => Responders.SmsTo(Host, scenario.LawyerPhones[0], reference).Count > 0, SendTimeout);
        var link = PageLinks.FromSms(Host, scenario.LawyerPhones[0], reference);
        await ExpireAsync(PageLinks.Code(link));
        await using var context = await browser.PhoneAsync();
        var page = await context.NewPageAsync();

        var forged = await page.GotoAsync("/api/r/AAAAAAAAAAA");
        Assert.Equal(404, forged!.Status);
        await Expect(page.Locator("h1").First).ToHaveTextAsync("This link is not valid");
        Assert.Equal("rgb(18, 18, 20)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await ShotAsync(page, "r10-link-forged");

        var expired = await page.GotoAsync(link);
        Assert.Equal(404, expired!.Status);
        await Expect(page.Locator("h1").Nth(1)).ToHaveTextAsync("Ссылка недействительна");
    }

    [Fact]
    public async Task Lawyer_InKazakh_GetsTheSmsInKazakh_AndThePageInKazakh_AndSaysTheyCantGo()
    {
        var scenario = await Scenario.CreateAsync(Host);
        var phone = TestData.Phone();
        await Scenario.PutContactAsync(Host, "lawyer-kk", new { name = "Әйгерім Нұрланқызы", region = scenario.Region, role = "lawyer", tier = 1, phone, language = "kk" });
        var (_, reference) = await PressAsync(scenario);
        await Host.StandIns.WaitForAsync(_ => Responders.SmsTo(Host, phone, reference).Count > 0, SendTimeout);
        Assert.Contains("ИӘ деп жауап беріңіз", Responders.SmsTo(Host, phone, reference)[0], StringComparison.Ordinal);
        await using var context = await browser.PhoneAsync("kk-KZ");
        var page = await OpenAsync(context, PageLinks.FromSms(Host, phone, reference));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await Expect(page.Locator("#title")).ToHaveTextAsync("Ұстап алу: құқық қорғаушылар қауіпте");
        await Expect(page.Locator("#ack")).ToHaveTextAsync("Мен жауап беремін");
        await ShotAsync(page, "r11-lawyer-kk-opened");

        await page.Locator("#decline").ClickAsync();
        await Expect(page.Locator("#my-state")).ToHaveTextAsync("Сіз бара алмайтыныңызды хабарладыңыз. Ұйымдастырушы мұны көреді, ал эскалация енді сізді күтпейді.");
        await ShotAsync(page, "r12-lawyer-kk-cant-go");
    }

    [Fact]
    public async Task Ngo_InKazakh_ReadsTheKazakhDraft_OnAPageInKazakh()
    {
        // Kazakhstan's profile speaks Kazakh: the press is in Shymkent, as the country's NGOs are alerted.
        var email = TestData.Email("ngo-kk");
        await Scenario.PutContactAsync(Host, "ngo-kk-" + Guid.NewGuid().ToString("N")[..8], new { name = "Құқық қорғау орталығы", region = "KZ", role = "ngo", tier = 1, email, language = "kk" });
        var organizer = await Responders.OrganizerAsync(Host, "KZ-SHY", TestData.Phone());
        using var pressed = await Host.SendAsync(HttpMethod.Post, "api/panic", organizer, new
        {
            region = "KZ-SHY",
            incident = "detention",
            people = new object[] { new { name = "Zhanar S.", role = "co-founder", publicName = true } },
        });
        Assert.Equal(HttpStatusCode.Accepted, pressed.StatusCode);
        var reference = Responders.Reference((await pressed.Content.ReadFromJsonAsync<JsonObject>())!["alertId"]!.GetValue<string>());
        await Host.StandIns.WaitForAsync(_ => Responders.EmailSubjectsTo(Host, email, reference).Count > 0, SendTimeout);
        Assert.StartsWith("ШҰҒЫЛ: ұстап алу (Шымкент)", Responders.EmailSubjectsTo(Host, email, reference)[0], StringComparison.Ordinal);
        await using var context = await browser.PhoneAsync("kk-KZ");
        var page = await OpenAsync(context, PageLinks.FromEmail(Host, email, reference));

        await Expect(page.Locator("#ack")).ToHaveTextAsync("Біз жауап береміз");
        await Expect(page.Locator(".draft pre").First).ToContainTextAsync("құқық қорғаушылардың ұсталуын айыптайды");
        await Expect(page.Locator(".draft pre").First).ToContainTextAsync("Zhanar S.");
        await ShotAsync(page, "r13-ngo-kk-opened");
    }

    private async Task<(string AlertId, string Reference)> PressAsync(Scenario scenario)
    {
        var alertId = (await scenario.PressAsync())["alertId"]!.GetValue<string>();
        return (alertId, Responders.Reference(alertId));
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, string link)
    {
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        var response = await page.GotoAsync(link);
        Assert.Equal(200, response!.Status);
        await Expect(page.Locator("#view")).ToBeVisibleAsync();
        Assert.Empty(errors);
        return page;
    }

    /// <summary>Moves the link's expiry into the past, as the alert's retention ending would.</summary>
    private async Task ExpireAsync(string code)
    {
        var table = Host.Host.Services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.RecipientLinks);
        var row = (await table.GetEntityAsync<TableEntity>(RecipientCodes.Hash(code), "link")).Value;
        row["ExpiresAt"] = DateTimeOffset.UtcNow.AddMinutes(-1);
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
