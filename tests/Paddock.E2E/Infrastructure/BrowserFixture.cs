using Microsoft.Playwright;

namespace Paddock.E2E.Infrastructure;

/// <summary>
/// One Paddock (own database, real port) and one headless Debian Chromium per test class. Each test opens its own
/// browser context, so people signed in within one test never share cookies.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Debian's Chromium: `playwright install` would download a browser, and the machines have no internet.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public E2EServer Server { get; } = new();

    public Uri BaseAddress => Server.ServerAddress ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync()
    {
        var serverStart = Server.InitializeAsync();
        // Headroom for a loaded two-core CI machine; assertions still return as soon as they hold.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PADDOCK_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        await serverStart;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)Server).DisposeAsync();
    }

    /// <summary>A fresh context (own cookies) and page, pointed at the server, in light mode so screenshots are comparable.</summary>
    public async Task<IPage> NewPageAsync(ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }
}
