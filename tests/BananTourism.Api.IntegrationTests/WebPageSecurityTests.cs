using System.Net;
using BananTourism.Api.IntegrationTests.Support;

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
    public async Task SignIn_NeverReturnsToAnotherSite(string returnUrl)
    {
        using var browser = new PageBrowser(api.CreateClient().BaseAddress!);
        var response = await browser.SubmitAsync("/account/signin?returnUrl=" + Uri.EscapeDataString(returnUrl), "/account/signin",
            ("Input.Email", "tourist@banan.local"), ("Input.Password", "Banan#2026"), ("ReturnUrl", returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
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
