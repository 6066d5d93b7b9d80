using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>Every main page of each role on a phone: it answers 200, fits 375 px without sideways scrolling,
/// logs no script error, every form control has a label, and a screenshot is kept.</summary>
public class PageTourTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TouristPages()
    {
        var page = await browser.PhoneAsync();
        await VisitAsync(page, "/account/signin", "tour-signin");
        await VisitAsync(page, "/account/signup", "tour-signup");
        await BrowserFixture.SignInAsync(page, "tourist@banan.local");
        await VisitAsync(page, "/", "tour-home");
        var venue = await FirstHrefAsync(page, "/venues/");
        await VisitAsync(page, venue, "tour-venue");
        var offering = await FirstHrefAsync(page, "/offerings/");
        await VisitAsync(page, offering, "tour-offering");
        await VisitAsync(page, offering + "/book?date=2026-09-22", "tour-booking-form");
        await VisitAsync(page, "/bookings", "tour-my-bookings");
    }

    [Fact]
    public async Task OperatorPages()
    {
        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, "operator.rose@banan.local");
        await VisitAsync(page, "/operator", "tour-operator-home");
        var venue = (await FirstHrefAsync(page, "/operator/venues/", "/edit"))[..^"/edit".Length];
        var offering = (await FirstHrefAsync(page, "/operator/offerings/", "/edit"))[..^"/edit".Length];
        await VisitAsync(page, "/operator/checkin", "tour-operator-checkin");
        await VisitAsync(page, venue + "/bookings?date=2026-09-21", "tour-operator-bookings");
        await VisitAsync(page, venue + "/walkins", "tour-operator-walkins");
        await VisitAsync(page, venue + "/edit", "tour-operator-venue-form");
        await VisitAsync(page, "/operator/venues/new", "tour-operator-new-venue");
        await VisitAsync(page, offering + "/edit", "tour-operator-offering-form");
        await VisitAsync(page, offering + "/schedule", "tour-operator-schedule");
        await VisitAsync(page, offering + "/slots", "tour-operator-sessions");
        await VisitAsync(page, offering + "/close?from=2026-09-25&to=2026-09-26&reason=%E6%9A%B4%E9%9B%A8", "tour-operator-closure-preview");
    }

    [Fact]
    public async Task OfficerPages()
    {
        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, "officer.ersheng@banan.local");
        await VisitAsync(page, "/officer", "tour-officer-dashboard");
        await VisitAsync(page, "/officer?by=Village&year=2025", "tour-officer-villages-2025");
    }

    [Fact]
    public async Task TheApiReference_LoadsWithinItsContentSecurityPolicy()
    {
        var page = await browser.DesktopAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        await page.GotoAsync("/docs/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByText("BananTourism API").First.WaitForAsync();
        Assert.Empty(refused); // its script and styles, and no fonts from Scalar's CDN
    }

    private static async Task VisitAsync(IPage page, string path, string screenshot)
    {
        var errors = new List<string>();
        void OnConsole(object? sender, IConsoleMessage message)
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        }

        page.Console += OnConsole;
        page.PageError += (_, error) => errors.Add(error);
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        page.Console -= OnConsole;

        Assert.True(response!.Status == 200, $"{path} answered {response.Status}");
        Assert.True(errors.Count == 0, $"{path}: {string.Join("; ", errors)}");
        await BrowserFixture.AssertFitsAsync(page);
        var unlabelled = await page.EvaluateAsync<string[]>(
            """
            [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
                .map(e => e.name || e.id)
            """);
        Assert.True(unlabelled.Length == 0, $"{path}: controls without a label: {string.Join(", ", unlabelled)}");
        await BrowserFixture.ScreenshotAsync(page, screenshot + "-375");
    }

    private static async Task<string> FirstHrefAsync(IPage page, string prefix, string suffix = "")
    {
        var hrefs = await page.Locator($"a[href^='{prefix}']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        return hrefs.First(h => h.EndsWith(suffix, StringComparison.Ordinal) && (suffix.Length > 0 || !h.Contains("/book", StringComparison.Ordinal)));
    }
}
