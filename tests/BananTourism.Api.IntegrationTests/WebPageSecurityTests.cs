using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>The pages' cookie and the API's bearer token never stand in for each other; every page form needs
/// its antiforgery token; sign-in only ever returns to a page of this site.</summary>
public class WebPageSecurityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePagesCookie_DoesNotOpenTheApi()
    {
        using var browser = await PageBrowser.SignedInAsync(api, "tourist@banan.local");
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/bookings", Ct)).StatusCode);
        var fromApi = await browser.Client.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, fromApi.StatusCode);
        Assert.Equal("application/problem+json", fromApi.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ABearerToken_DoesNotOpenThePages()
    {
        var client = await api.SignInAsync("tourist@banan.local");
        using var browser = new PageBrowser(client.BaseAddress!);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/bookings");
        request.Headers.Authorization = client.DefaultRequestHeaders.Authorization;
        var response = await browser.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSignInCookie_IsHttpOnlyAndSameSite()
    {
        using var browser = new PageBrowser(api.CreateClient().BaseAddress!);
        var response = await browser.SubmitAsync("/account/signin", "/account/signin", ("Input.Email", "tourist@banan.local"), ("Input.Password", "Banan#2026"));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("banan.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase); // ends with the browser session
    }

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/account/signup")]
    [InlineData("/account/signout")]
    [InlineData("/operator/checkin")]
    public async Task APageForm_WithoutItsAntiforgeryToken_IsRefused(string path)
    {
        using var browser = await PageBrowser.SignedInAsync(api, "operator.rose@banan.local");
        var response = await browser.Client.PostAsync(path, PageBrowser.Form(null,
            ("Input.Code", "AAAA-AAAA"), ("Input.Email", "x@example.cn"), ("Input.Password", "Banan#2026")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TheBookingForm_WithoutItsToken_BooksNothing()
    {
        using var browser = await PageBrowser.SignedInAsync(api, "tourist@banan.local");
        var tourist = await api.SignInAsync("tourist@banan.local");
        var offering = await tourist.OfferingIdAsync("玫瑰采摘");
        var slot = await tourist.SlotIdAsync(offering, "2026-09-23");
        var before = (await api.SlotAsync(slot)).Reserved;

        var response = await browser.Client.PostAsync($"/offerings/{offering}/book", PageBrowser.Form(null,
            ("Input.SlotId", slot), ("Input.Adults", "2"), ("Input.Children", "0"), ("Input.Name", "张三"), ("Input.Phone", "13800138000")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await api.SlotAsync(slot)).Reserved);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/\n")]
    public async Task SignIn_NeverReturnsToAnotherSite(string returnUrl)
    {
        using var browser = new PageBrowser(api.CreateClient().BaseAddress!);
        var response = await browser.SubmitAsync("/account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl), "/account/signin",
            ("Input.Email", "tourist@banan.local"), ("Input.Password", "Banan#2026"), ("ReturnUrl", returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ASession_EndsWhenTheAccountChangesRole()
    {
        var email = await api.RegisterTouristAsync();
        using var browser = await PageBrowser.SignedInAsync(api, email, Booker.TouristPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/bookings", Ct)).StatusCode);

        await api.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, BananTourism.Domain.Users.Role.Operator), Ct));
        var after = await browser.Client.GetAsync("/bookings", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/signin", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorsOfPages_AreAPageForBrowsers_AndProblemJsonForEveryoneElse()
    {
        using var html = new HttpRequestMessage(HttpMethod.Get, "/offerings/" + Guid.NewGuid());
        html.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        var page = await api.CreateClient().SendAsync(html, Ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("找不到这个页面", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var json = await api.CreateClient().GetAsync("/offerings/" + Guid.NewGuid(), Ct);
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);

        using var apiAsBrowser = new HttpRequestMessage(HttpMethod.Get, "/api/v1/offerings/" + Guid.NewGuid());
        apiAsBrowser.Headers.Accept.ParseAdd("text/html");
        var fromApi = await api.CreateClient().SendAsync(apiAsBrowser, Ct);
        Assert.Equal("application/problem+json", fromApi.Content.Headers.ContentType?.MediaType);

        // A form posted after its token went stale: the browser gets a page that says what to do.
        using var browser = new PageBrowser(api.CreateClient().BaseAddress!);
        browser.Client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var stale = await browser.Client.PostAsync("/account/signin", PageBrowser.Form("stale-token", ("Input.Email", "a@b.cn")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("表单可能已经过期", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyBookings_TurnsPages()
    {
        var email = await api.RegisterVerifiedTouristAsync();
        var tourist = await api.SignInAsync(email, Booker.TouristPassword);
        var roses = await tourist.OfferingIdAsync("玫瑰采摘");
        for (var day = 0; day < 21; day++)
        {
            var date = new DateOnly(2026, 10, 1).AddDays(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await tourist.BookOkAsync(Booker.SlotBooking(roses, await tourist.SlotIdAsync(roses, date), adults: 1));
        }

        using var browser = await PageBrowser.SignedInAsync(api, email, Booker.TouristPassword);
        var first = await browser.Client.GetStringAsync("/bookings", Ct);
        var second = await browser.Client.GetStringAsync("/bookings?p=2", Ct);
        Assert.Equal(20, Regex.Count(first, "<li class=\"status-"));
        Assert.Equal(1, Regex.Count(second, "<li class=\"status-"));
        Assert.Contains("href=\"?p=2\"", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?date=9999-12-31")]
    [InlineData("?checkIn=9999-12-31")]
    [InlineData("?date=0001-01-01&slotId=00000000-0000-0000-0000-000000000000")]
    public async Task TheBookingForm_TakesAnyDateInTheAddressBar(string query)
    {
        using var browser = await PageBrowser.SignedInAsync(api, "tourist@banan.local");
        var offering = await api.CreateClient().OfferingIdAsync("玫瑰采摘");
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync($"/offerings/{offering}/book{query}", Ct)).StatusCode);
    }

    [Fact]
    public async Task BadValues_InAPageForm_AreShownNotThrown()
    {
        using var browser = await PageBrowser.SignedInAsync(api, "tourist@banan.local");
        var offering = await api.CreateClient().OfferingIdAsync("玫瑰采摘");
        var form = $"/offerings/{offering}/book?date=2026-09-23";
        var response = await browser.SubmitAsync(form, $"/offerings/{offering}/book",
            ("Input.SlotId", "not-a-guid"), ("Input.Adults", "lots"), ("Input.Children", "99999999999"), ("Input.Name", new string('名', 500)),
            ("Input.Phone", "<script>"), ("Input.Date", "2026-02-30"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"err-adults\">请填写有效的值", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }
}
