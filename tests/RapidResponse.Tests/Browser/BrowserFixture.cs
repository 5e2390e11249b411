using Microsoft.Playwright;
using RapidResponse.Tests.Support;

namespace RapidResponse.Tests.Browser;

/// <summary>
/// One local host (with its own Azurite and stand-ins) and one headless Chromium for the page's tests. The browser is
/// Debian's <c>chromium</c> from apt (scripts/bootstrap.sh installs it); Playwright never downloads one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public LocalHostFixture Host { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Repository.File("artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/bootstrap.sh as root (it installs Debian's chromium with apt-get).");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        // The page polls the live status; on a busy machine a step can take longer than Playwright's default 5 s.
        Assertions.SetDefaultExpectTimeout((float)Patience.Delivery.TotalMilliseconds);
        await Host.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>A desktop-sized context for the coordinators' console (tablet screenshots resize its page).</summary>
    public async Task<IBrowserContext> DesktopAsync(string locale = "en-GB") =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Host.BaseUrl.AbsoluteUri,
            ViewportSize = ConsolePage.Desktop,
            Locale = locale,
        });

    /// <summary>A phone-sized context on the local host, with location allowed (as an organizer's phone would after the first prompt).</summary>
    public async Task<IBrowserContext> PhoneAsync(string locale = "en-GB") =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Host.BaseUrl.AbsoluteUri,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = locale,
            HasTouch = true,
            Geolocation = new Geolocation { Latitude = 42.3417f, Longitude = 69.5901f, Accuracy = 25 },
            Permissions = ["geolocation"],
        });
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
