using Microsoft.Playwright;

namespace RapidResponse.Tests.Browser;

/// <summary>The panic page as a test drives it: sign in by link, hold the button, read the status, take screenshots.</summary>
public sealed class PanicPage(IPage page)
{
    public IPage Page => page;

    public ILocator Button => page.Locator("#panic");

    public ILocator StatusTitle => page.Locator("#status-title");

    public List<string> PanicKeys { get; } = [];

    /// <summary>Opens the one-time sign-in link and waits for the button.</summary>
    public static async Task<PanicPage> OpenAsync(IBrowserContext context, string token)
    {
        var page = new PanicPage(await context.NewPageAsync());
        page.Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/panic", StringComparison.Ordinal))
            {
                lock (page.PanicKeys)
                {
                    page.PanicKeys.Add(request.Headers.TryGetValue("idempotency-key", out var key) ? key : "");
                }
            }
        };
        await page.Page.GotoAsync("/api/app#token=" + Uri.EscapeDataString(token));
        await Assertions.Expect(page.Button).ToBeVisibleAsync();
        return page;
    }

    public async Task HoldAsync(TimeSpan duration, string? screenshotMidway = null)
    {
        var box = (await Button.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        if (screenshotMidway is not null)
        {
            await page.WaitForTimeoutAsync((float)(duration.TotalMilliseconds / 2));
            await ScreenshotAsync(screenshotMidway);
            await page.WaitForTimeoutAsync((float)(duration.TotalMilliseconds / 2));
        }
        else
        {
            await page.WaitForTimeoutAsync((float)duration.TotalMilliseconds);
        }

        await page.Mouse.UpAsync();
    }

    public Task HoldToSendAsync(string? screenshotMidway = null) => HoldAsync(TimeSpan.FromMilliseconds(2400), screenshotMidway);

    public async Task ChooseAsync(string incident) => await page.Locator($".chip[data-incident='{incident}']").ClickAsync();

    public async Task ScreenshotAsync(string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
