using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>Photos and season on the pages (issue 18): the operator of 幸福村玫瑰园 uploads a photo from a phone's camera
/// roll and posts that the roses are in full bloom; tourists see it on the offering's gallery and on the home page's
/// cards, on a phone and on a desktop. The clock stands at 09:00 on 21 September 2026.</summary>
public class ShowcasePageTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    private static string Photo => Path.Combine(AppContext.BaseDirectory, "TestData", "photo-with-gps.jpg");

    [Fact]
    public async Task AnOperatorUploadsAPhotoAndPostsTheSeason_AndTouristsSeeThemOnCardsAndTheGallery()
    {
        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, "operator.rose@banan.local");
        await page.GotoAsync("/operator");
        await page.NavigateByAsync(() => page.Locator("a", new() { HasText = "照片·花期·点评" }).First.ClickAsync(), "/showcase");

        // The offering's photo form: a file from the camera roll, then upload.
        var offering = page.Locator("section.panel", new() { HasText = "玫瑰园赏花" });
        await offering.Locator("input[type=file]").SetInputFilesAsync(Photo);
        await page.NavigateByAsync(() => offering.Locator("button", new() { HasText = "上传" }).ClickAsync(), "done=photo");
        Assert.Contains("照片已上传", await page.Locator("#showcase-outcome").InnerTextAsync(), StringComparison.Ordinal);
        offering = page.Locator("section.panel", new() { HasText = "玫瑰园赏花" });
        Assert.Equal(1, await offering.Locator(".photo-admin img").CountAsync());

        // A web page is not a photo: refused by its bytes, said under the field.
        var html = Path.Combine(Path.GetTempPath(), $"not-a-photo-{Guid.NewGuid():N}.jpg");
        await File.WriteAllTextAsync(html, "<html><body>hello</body></html>", TestContext.Current.CancellationToken);
        await offering.Locator("input[type=file]").SetInputFilesAsync(html);
        await page.NavigateByAsync(() => offering.Locator("button", new() { HasText = "上传" }).ClickAsync());
        Assert.Contains("JPEG、PNG 或 WebP", await page.Locator("section.panel", new() { HasText = "玫瑰园赏花" }).InnerTextAsync(), StringComparison.Ordinal);

        // The season: in full bloom, with a note.
        offering = page.Locator("section.panel", new() { HasText = "玫瑰园赏花" });
        await offering.GetByLabel("盛花").CheckAsync();
        await offering.GetByLabel("一句话说明").FillAsync("东坡玫瑰盛开，周末人多");
        await page.NavigateByAsync(() => offering.Locator("button", new() { HasText = "发布花期" }).ClickAsync(), "done=season");
        await BrowserFixture.AssertFitsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "showcase-operator-375");

        // The tourist's view: the offering's gallery, upright (240 × 320) and the season line with its date.
        var tourist = await browser.PhoneAsync();
        await tourist.GotoAsync("/");
        var card = tourist.Locator("#results .card", new() { HasText = "玫瑰园赏花" });
        Assert.StartsWith("/media/", await card.Locator("img.cover").GetAttributeAsync("src"), StringComparison.Ordinal);
        Assert.Contains("盛花", await card.Locator(".season-badge").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("¥", await card.Locator(".price").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await card.Locator("img.cover").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the card's photo did not load");
        await BrowserFixture.AssertFitsAsync(tourist);
        await BrowserFixture.ScreenshotAsync(tourist, "home-cards-375");

        await tourist.NavigateByAsync(() => card.Locator("a.card-link").ClickAsync(), "/offerings/");
        var shown = tourist.Locator(".gallery img").First;
        await Assertions.Expect(shown).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/media/.+/large$"));
        Assert.Equal(240, await shown.EvaluateAsync<int>("img => img.naturalWidth"));
        Assert.Equal(320, await shown.EvaluateAsync<int>("img => img.naturalHeight"));
        Assert.Contains("东坡玫瑰盛开", await tourist.Locator("#season").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2026-09-21", await tourist.Locator("#season").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(tourist, "offering-gallery-375");

        var desktop = await browser.DesktopAsync();
        await desktop.GotoAsync("/");
        await BrowserFixture.ScreenshotAsync(desktop, "home-cards-1280");
    }

    [Fact]
    public async Task TheGallery_MovesWithTheKeyboard()
    {
        var page = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(page, "operator.daxia@banan.local");
        await page.GotoAsync("/operator");
        await page.NavigateByAsync(() => page.Locator("a", new() { HasText = "照片·花期·点评" }).First.ClickAsync(), "/showcase");
        for (var i = 0; i < 2; i++)
        {
            await page.Locator("#venue-file").SetInputFilesAsync(Photo);
            await page.NavigateByAsync(() => page.Locator("#venue-upload").ClickAsync(), "done=photo");
        }

        Assert.Equal(2, await page.Locator("#venue-photos img").CountAsync());
        var venue = System.Text.RegularExpressions.Regex.Match(page.Url, "/operator/venues/([0-9a-f-]+)/showcase").Groups[1].Value;
        await page.GotoAsync($"/venues/{venue}");
        var strip = page.Locator(".gallery-strip");
        await strip.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("[data-position]")).ToHaveTextAsync("2 / 2");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(page.Locator("[data-position]")).ToHaveTextAsync("1 / 2");
        await page.Locator(".gallery [data-step='1']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-position]")).ToHaveTextAsync("2 / 2");
    }

    [Fact]
    public async Task ATouristWhoCame_ReviewsTheVisitFromTheBookingPage_AndItShowsOnTheOffering()
    {
        // Booked for today's afternoon and checked in at the gate (through the API: this test is about the review).
        var api = await browser.Api.SignInAsync("tourist@banan.local");
        var shrimp = await api.OfferingIdAsync("稻田钓虾");
        var booking = await api.BookOkAsync(Booker.SlotBooking(shrimp, await api.SlotIdAsync(shrimp, "2026-09-21", "14:00"), adults: 2));
        var daxia = await browser.Api.SignInAsync("operator.daxia@banan.local");
        (await daxia.PostAsJsonAsync("/api/v1/operator/check-ins",
            new { code = booking["verificationCode"]!.GetValue<string>(), headcount = 2 }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var page = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(page, "tourist@banan.local");
        await page.GotoAsync($"/bookings/{booking["id"]!.GetValue<string>()}");

        // No stars: said under the stars, the text kept.
        await page.GetByLabel("点评内容").FillAsync("虾很多，老板现场做的麻辣小龙虾特别香。");
        await page.NavigateByAsync(() => page.Locator("#review-submit").ClickAsync());
        Assert.Contains("请选 1 到 5 颗星", await page.Locator("#err-rating").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("虾很多，老板现场做的麻辣小龙虾特别香。", await page.GetByLabel("点评内容").InputValueAsync());

        await page.GetByLabel("★★★★★").CheckAsync();
        await page.NavigateByAsync(() => page.Locator("#review-submit").ClickAsync(), "reviewed=1");
        Assert.Contains("谢谢你的点评", await page.Locator("#review").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertFitsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "review-written-375");

        await page.GotoAsync($"/offerings/{shrimp}");
        var reviews = await page.Locator(".reviews").InnerTextAsync();
        Assert.Contains("麻辣小龙虾", reviews, StringComparison.Ordinal);
        Assert.Contains("张**", reviews, StringComparison.Ordinal); // the booking's contact, 张三, masked
        Assert.Contains("5.0", await page.Locator("#rating").InnerTextAsync(), StringComparison.Ordinal);
    }
}
