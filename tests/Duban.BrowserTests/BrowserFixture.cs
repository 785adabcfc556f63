using System.Net;
using Duban.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Duban.BrowserTests;

/// <summary>
/// The app on real Kestrel at 127.0.0.1 (a free port) with the demo data, and Debian's Chromium driven by
/// Playwright. Playwright never downloads a browser here: it is pointed at /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public SqliteAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = string.Empty;

    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run ./test.sh as root, or apt-get install chromium.");
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        await App.InitializeAsync();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) signed in as the given demo account.</summary>
    public async Task<IPage> SignInAsync(string userName, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 860 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Core.Data.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        try
        {
            // Wait for the signed-in name in the top bar, not for a navigation event: on a busy machine the redirect
            // home can commit before a wait for it begins, and the load event can lag.
            await Assertions.Expect(page.Locator(".topbar .who")).ToHaveAttributeAsync("title", userName, new() { Timeout = 60_000 });
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            // Keep what the browser saw, so a failed sign-in can be diagnosed from the artifacts.
            await ScreenshotAsync(page, $"signin-failed-{userName}");
            throw new InvalidOperationException($"sign-in of {userName} stayed on {page.Url}: {await page.Locator("body").InnerTextAsync()}");
        }
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    // Screenshots go to TestResults/screenshots at the repository root, next to Duban.slnx.
    private static string FindScreenshotFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Duban.slnx")))
        {
            folder = folder.Parent;
        }
        var path = Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}
