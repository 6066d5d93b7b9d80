using BananTourism.Api.IntegrationTests.Support;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>The real Api on Kestrel and Debian's Chromium, driven by Playwright. Never a downloaded browser:
/// where /usr/bin/chromium is missing (it is installed by .ci/run), the tests skip and say so.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private const string NoChromium = Chromium + " is not installed (Debian package chromium; .ci/run installs it).";

    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

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
            Args = Arguments,
        });
    }

    public const string Password = "Banan#2026";

    /// <summary>A fresh browser profile (no cookies) on a 375 × 812 phone screen.</summary>
    public Task<IPage> PhoneAsync() => PageAsync(375, 812);

    /// <summary>A fresh browser profile on a desktop screen (operators at a desk, officers).</summary>
    public Task<IPage> DesktopAsync() => PageAsync(1280, 900);

    /// <summary>Another Chromium whose camera shows <paramref name="y4mVideo"/> (Chromium's fake capture device).</summary>
    public async Task<IBrowser> LaunchWithCameraAsync(string y4mVideo)
    {
        Assert.SkipWhen(_playwright is null, NoChromium);;
        return await _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                .. Arguments, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={y4mVideo}",
            ],
        });
    }

    public async Task<IPage> PageAsync(int width, int height)
    {
        Assert.SkipWhen(Browser is null, NoChromium);;
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        await Traces.StartAsync(context);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(password);
        await page.NavigateByAsync(() => page.Locator("#signin").ClickAsync());

        // Signed in means sent on from the sign-in page (to the role's home or the return URL).
        Assert.DoesNotContain("/account/signin", page.Url, StringComparison.Ordinal);
    }

    /// <summary>The page is no wider than its screen (nothing to scroll sideways on a phone).</summary>
    public static async Task AssertFitsAsync(IPage page)
    {
        var width = page.ViewportSize!.Width;
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width,
            $"{page.Url} is wider than the {width}-px screen");
    }

    /// <summary>Screenshots go to test-artifacts/screenshots at the repository root.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Artifacts("screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>A folder under test-artifacts at the repository root (created).</summary>
    public static string Artifacts(string name)
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "BananTourism.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        var folder = Path.Combine(dir ?? Path.GetTempPath(), "test-artifacts", name);
        Directory.CreateDirectory(folder);
        return folder;
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
