using System.Net;
using System.Text.RegularExpressions;

namespace BananTourism.Api.IntegrationTests.Support;

/// <summary>The web pages as a browser uses them, without the browser: keeps cookies, reads each form's
/// antiforgery token, and shows redirects instead of following them.</summary>
public sealed partial class PageBrowser(Uri baseAddress) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Client { get; } = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
    {
        BaseAddress = baseAddress,
    };

    public static async Task<PageBrowser> SignedInAsync(ApiFactory api, string email, string password = "Banan#2026")
    {
        var browser = new PageBrowser(api.CreateClient().BaseAddress!);
        var response = await browser.SubmitAsync("/account/signin", "/account/signin", ("Input.Email", email), ("Input.Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        return browser;
    }

    /// <summary>Opens <paramref name="formPage"/> and posts its form, with its token, to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, string action, params (string Name, string Value)[] fields)
    {
        var token = TokenOf(await Client.GetStringAsync(formPage, Ct));
        return await Client.PostAsync(action, Form(token, fields), Ct);
    }

    public static FormUrlEncodedContent Form(string? token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Concat(token is null ? [] : [KeyValuePair.Create("__RequestVerificationToken", token)]));

    public static string TokenOf(string html) => TokenPattern().Matches(html)[^1].Groups[1].Value;

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
