using BananTourism.Api.IntegrationTests.Support;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>The real Api on Kestrel and Debian's Chromium, driven by Playwright. Never a downloaded browser:
/// where /usr/bin/chromium is missing (it is installed by .ci/run), the tests skip and say so.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public ApiFactory Api { get; } = new();

    public IBrowser? Browser { get; private set; }

    public Uri BaseAddress { get; private set; } = null!;

    private IPlaywright? _playwright;

    public async ValueTask InitializeAsync()
    {
        await Api.InitializeAsync();
        BaseAddress = Api.CreateClient().BaseAddress!;
        if (!File.Exists(Chromium))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task<IPage> PhoneAsync()
    {
        Assert.SkipWhen(Browser is null, $"{Chromium} is not installed (Debian package chromium; .ci/run installs it).");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Screenshots go to test-artifacts/screenshots at the repository root.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "BananTourism.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        var folder = Path.Combine(dir ?? Path.GetTempPath(), "test-artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Api.DisposeAsync();
    }
}
