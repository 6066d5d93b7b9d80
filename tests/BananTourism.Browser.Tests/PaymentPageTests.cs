using System.Net;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.Playwright;

namespace BananTourism.Browser.Tests;

/// <summary>Paying online from the web pages. Stripe.js cannot be fetched here, so the browser is given a stand-in
/// for https://js.stripe.com/v3/ with Stripe.js's calls (elements, create, mount, confirmPayment) that records what
/// the page asked for and, like Stripe, sends the tourist back with redirect_status. Everything on our side is
/// real: the PaymentIntent at the loopback fake of Stripe's API, the signed webhook, the booking's confirmation.</summary>
public class PaymentPageTests(BrowserFixture browser) : BrowserTest, IClassFixture<BrowserFixture>
{
    private const string StripeJs = """
        window.Stripe = function (key) {
            window.stripeCalls = { key: key };
            return {
                elements: function (options) {
                    window.stripeCalls.elements = options;
                    return { create: function (type) {
                        window.stripeCalls.type = type;
                        return { mount: function (selector) { document.querySelector(selector).textContent = "stand-in payment element"; } };
                    } };
                },
                confirmPayment: async function (args) {
                    const outcome = sessionStorage.getItem("outcome") || "succeeded";
                    location.href = args.confirmParams.return_url + "?payment_intent=pi&redirect_status=" + outcome;
                    return {};
                },
            };
        };
        """;

    /// <summary>A signed-in tourist's booking form for a rose-picking session, with the stand-in Stripe.js.</summary>
    private async Task<IPage> BookingFormAsync(string date)
    {
        var page = await browser.PhoneAsync();
        await page.RouteAsync("https://js.stripe.com/**", route => route.FulfillAsync(new() { ContentType = "text/javascript", Body = StripeJs }));
        await BrowserFixture.SignInAsync(page, "tourist@banan.local");
        var roses = await browser.Api.CreateClient().OfferingIdAsync("玫瑰采摘");
        await page.GotoAsync($"/offerings/{roses}/book?date={date}");
        await page.Locator("input[name='Input.SlotId']").First.CheckAsync();
        return page;
    }

    [Fact]
    public async Task Alipay_HoldsThePlaces_StripeConfirms_AndTheCodeAppears()
    {
        var page = await BookingFormAsync("2026-09-28");
        var refusedByPolicy = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refusedByPolicy.Add(message.Text);
            }
        };
        await page.GetByLabel("支付宝").CheckAsync();
        await page.NavigateByAsync(() => page.Locator("#book").ClickAsync(), "/bookings/[0-9a-f-]{36}$");

        // Held, not yet confirmed: no code, the payment form mounted with this booking's PaymentIntent.
        Assert.Equal("待支付", await page.Locator("#booking-status").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#verification-code").CountAsync());
        Assert.Equal("stand-in payment element", await page.Locator("#payment-element").InnerTextAsync());
        var id = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        var intent = browser.Api.Stripe!.IntentFor(id);
        Assert.Equal(intent["client_secret"]!.GetValue<string>(), await page.EvaluateAsync<string>("window.stripeCalls.elements.clientSecret"));
        Assert.Equal("pk_test_banan_fake", await page.EvaluateAsync<string>("window.stripeCalls.key"));
        Assert.Equal("zh", await page.EvaluateAsync<string>("window.stripeCalls.elements.locale"));
        await BrowserFixture.ScreenshotAsync(page, "payment-form-375");

        await page.NavigateByAsync(() => page.Locator("#pay").ClickAsync(), "redirect_status=succeeded$");
        Assert.Contains("正在确认付款", await page.Locator("#payment-pending").InnerTextAsync(), StringComparison.Ordinal);

        // Stripe's webhook arrives; the waiting page notices by itself.
        var succeeded = browser.Api.Stripe.Succeed(intent["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await browser.Api.StripeEventAsync("payment_intent.succeeded", succeeded)).StatusCode);
        await page.Locator("#verification-code").WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal("已确认", await page.Locator("#booking-status").InnerTextAsync());
        Assert.Contains("已支付", await page.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(refusedByPolicy); // Stripe.js (its stand-in) ran under the payment page's Content-Security-Policy
        await BrowserFixture.ScreenshotAsync(page, "payment-confirmed-375");
    }

    [Fact]
    public async Task AFailedPayment_BringsBackTheFormWithAMessage()
    {
        var page = await BookingFormAsync("2026-09-30");
        await page.GetByLabel("银行卡").CheckAsync();
        await page.NavigateByAsync(() => page.Locator("#book").ClickAsync(), "/bookings/[0-9a-f-]{36}$");
        await page.EvaluateAsync("sessionStorage.setItem('outcome', 'failed')");
        await page.NavigateByAsync(() => page.Locator("#pay").ClickAsync(), "redirect_status=failed$");
        Assert.Equal(0, await page.Locator("#payment-pending").CountAsync());
        Assert.Contains("付款没有完成", await page.Locator("#payment-message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("stand-in payment element", await page.Locator("#payment-element").InnerTextAsync());
    }

    [Fact]
    public async Task WhenStripeWasDown_ThePageOffersToContinueThePayment()
    {
        var page = await BookingFormAsync("2026-09-29");
        await page.GetByLabel("微信支付").CheckAsync();
        browser.Api.Stripe!.FailNext(3);
        await page.NavigateByAsync(() => page.Locator("#book").ClickAsync(), "/bookings/[0-9a-f-]{36}$");
        Assert.Equal("待支付", await page.Locator("#booking-status").InnerTextAsync());

        await page.NavigateByAsync(() => page.Locator("#retry-payment").ClickAsync());
        Assert.Equal("stand-in payment element", await page.Locator("#payment-element").InnerTextAsync());
    }
}
