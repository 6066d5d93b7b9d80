using BananTourism.Api.IntegrationTests.Support;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>The farm's real money (issue 16): the operator adds citrus to the rose garden's exit price list, a tourist books
/// roses with bouquet wrapping on a phone, and at the exit the operator scans the ticket with the phone's camera, weighs
/// 3.2 斤 of citrus on the keypad and counts 40 stems, collects at the stall, and the tourist sees the receipt.</summary>
public class WeighOutPageTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ScanWeighCollect_AndTheReceiptIsOnTheTouristsBookingPage()
    {
        // The operator puts citrus (¥6 a 斤) on the rose garden's exit price list, beside roses by the stem (¥3).
        var desk = await browser.DesktopAsync();
        await BrowserFixture.SignInAsync(desk, "operator.rose@banan.local");
        var client = browser.Api.CreateClient();
        var roses = await client.OfferingIdAsync("玫瑰采摘");
        await desk.GotoAsync($"/operator/offerings/{roses}/edit");
        Assert.Equal("玫瑰", await desk.Locator("#f-produce\\[0\\]-name").InputValueAsync());
        await desk.Locator("#f-produce\\[1\\]-name").FillAsync("柑橘");
        await desk.Locator("#f-produce\\[1\\]-price").FillAsync("6");
        await desk.Locator("#f-produce-1-unit").SelectOptionAsync("Jin");
        await desk.NavigateByAsync(() => desk.Locator("#offering-save").ClickAsync(), "/operator$");
        await desk.GotoAsync($"/operator/offerings/{roses}/edit"); // saved: the list now ends with citrus, and blank rows to add more
        Assert.Equal("柑橘", await desk.Locator("#f-produce\\[1\\]-name").InputValueAsync());
        await BrowserFixture.ScreenshotAsync(desk, "operator-offering-extras-produce-1280");

        // A tourist books the afternoon's roses on a phone, with two bouquet wrappings (¥5 each).
        var email = await browser.Api.RegisterVerifiedTouristAsync();
        var phone = await browser.PhoneAsync();
        await BrowserFixture.SignInAsync(phone, email, Booker.TouristPassword);
        var slot = await client.SlotIdAsync(roses, "2026-09-21", "14:00");
        await phone.GotoAsync($"/offerings/{roses}/book?date=2026-09-21&slotId={slot}");
        await phone.Locator("input[name='Input.Extras[0].Quantity']").FillAsync("2");
        await BrowserFixture.AssertFitsAsync(phone);
        await BrowserFixture.ScreenshotAsync(phone, "booking-extras-375");
        await phone.NavigateByAsync(() => phone.Locator("#book").ClickAsync(), "/bookings/");
        Assert.Contains("花束包装", await phone.Locator("table.breakdown").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("¥126", await phone.Locator("#booking-total").InnerTextAsync()); // 2 × ¥58 + 2 × ¥5
        var code = await phone.Locator("#verification-code").InnerTextAsync();
        var bookingUrl = phone.Url;

        var rose = await browser.Api.SignInAsync("operator.rose@banan.local");
        using var checkIn = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(
            rose, "/api/v1/operator/check-ins", new { code, headcount = 2 }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, checkIn.StatusCode);

        // At the exit: the ticket scanned by the phone's camera finds the booking.
        var video = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.y4m");
        await FakeCamera.WriteQrVideoAsync(video, code);
        try
        {
            await using var camera = await browser.LaunchWithCameraAsync(video);
            var context = await camera.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = browser.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = 375, Height = 812 },
                Locale = "zh-CN",
                Permissions = ["camera"],
            });
            await Traces.StartAsync(context);
            var scale = await context.NewPageAsync();
            await BrowserFixture.SignInAsync(scale, "operator.rose@banan.local");
            await scale.NavigateByAsync(() => scale.Locator("#nav-weigh-out").ClickAsync(), "/operator/weigh-out$");
            await scale.Locator("#scan-start").ClickAsync();
            await scale.Locator("#weigh-form").WaitForAsync(new() { Timeout = 20_000 });
            Assert.Contains("玫瑰采摘", await scale.Locator("#weigh-booking").InnerTextAsync(), StringComparison.Ordinal);

            // 3.2 斤 of citrus on the big keypad, 40 stems typed.
            await scale.Locator("input.quantity[data-produce='柑橘']").FocusAsync();
            foreach (var key in new[] { "3", ".", "2" })
            {
                await scale.Locator($"#keypad button[data-key='{key}']").ClickAsync();
            }

            Assert.Equal("3.2", await scale.Locator("input.quantity[data-produce='柑橘']").InputValueAsync());
            await scale.Locator("input.quantity[data-produce='玫瑰']").FillAsync("40");
            Assert.Equal("合计 ¥139.2", await scale.Locator("#running-total").InnerTextAsync()); // before collecting, as the server will charge
            await BrowserFixture.AssertFitsAsync(scale);
            await BrowserFixture.ScreenshotAsync(scale, "operator-weigh-out-375");
            await scale.NavigateByAsync(() => scale.Locator("#collect-at-gate").ClickAsync(), "done=");
            Assert.Equal("合计 ¥139.2", await scale.Locator("#weigh-total").InnerTextAsync()); // ¥19.20 + ¥120
            Assert.Contains("已现场收款", await scale.Locator("#weigh-outcome").InnerTextAsync(), StringComparison.Ordinal);
            await scale.ReloadAsync(); // a reload shows the receipt again and weighs nothing out twice
            Assert.Equal(1, await scale.Locator("ul.receipts li").CountAsync());
            await BrowserFixture.ScreenshotAsync(scale, "operator-weigh-out-receipt-375");
        }
        finally
        {
            File.Delete(video);
        }

        // The tourist's booking page lists the receipt.
        await phone.GotoAsync(bookingUrl);
        var receipt = phone.Locator("#receipts table.receipt");
        Assert.Equal(1, await receipt.CountAsync());
        Assert.Equal("collected", await receipt.GetAttributeAsync("data-status"));
        var text = await receipt.InnerTextAsync();
        Assert.Contains("柑橘", text, StringComparison.Ordinal);
        Assert.Contains("3.2 斤", text, StringComparison.Ordinal);
        Assert.Contains("40 枝", text, StringComparison.Ordinal);
        Assert.Equal("¥139.2", await receipt.Locator(".receipt-total").InnerTextAsync());
        await BrowserFixture.AssertFitsAsync(phone);
        await BrowserFixture.ScreenshotAsync(phone, "booking-receipt-375");
    }
}
