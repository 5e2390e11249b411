using Microsoft.Playwright;
using RapidResponse.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RapidResponse.Tests.Browser;

/// <summary>The coordinators' console as its tests drive it: opened, signed in, and photographed at desktop and tablet sizes.</summary>
public sealed class ConsolePage
{
    public static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };
    public static readonly ViewportSize Tablet = new() { Width = 820, Height = 1180 };

    private readonly List<string> errors = [];

    private ConsolePage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("the server responded with a status of", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>Script errors and CSP violations the page reported (failed API calls the page handles are not errors).</summary>
    public IReadOnlyList<string> Errors => errors;

    public static async Task<ConsolePage> OpenAsync(IBrowserContext context, string path = "api/console")
    {
        var console = new ConsolePage(await context.NewPageAsync());
        await console.Page.GotoAsync(path);
        return console;
    }

    public static async Task<ConsolePage> SignedInAsync(IBrowserContext context, LocalHostFixture host)
    {
        var console = await OpenAsync(context);
        await console.SignInAsync(host.Host.AdminKey);
        return console;
    }

    public async Task SignInAsync(string token)
    {
        await Page.Locator("#token").FillAsync(token);
        await Page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await Expect(Page.Locator("#tabs")).ToBeVisibleAsync();
    }

    public async Task TabAsync(string name) => await Page.Locator($"[data-tab={name}]").ClickAsync();

    /// <summary>Saves the page as it is now at desktop size and at tablet size, then goes back to desktop.</summary>
    public async Task ShotsAsync(string name)
    {
        foreach (var (size, viewport) in new[] { ("desktop", Desktop), ("tablet", Tablet) })
        {
            await Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (wide, window) = (widths[0], widths[1]);
            Assert.True(wide <= window, $"{name} at {size} size is {wide} px wide in a {window} px window: it scrolls sideways.");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{size}.png"), FullPage = true });
        }

        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }
}
