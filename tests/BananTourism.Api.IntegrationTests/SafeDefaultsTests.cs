using System.Net;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Api.IntegrationTests;

/// <summary>What a deployment gets without anybody thinking of it: no demo accounts outside Development, no test
/// switches in Production, secrets only to whom they belong, and headers that keep pages from being framed or
/// made to run foreign script.</summary>
public class SafeDefaultsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public async Task OutsideDevelopment_ThereAreNoDemoAccounts_NorDemoData_EvenWhenAskedFor(string environment)
    {
        await using var deployed = new Deployed(environment, new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        await deployed.InitializeAsync();
        var client = deployed.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "admin@banan.local", password = "Banan#2026" }, Ct);
        await login.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Empty((await (await client.GetAsync("/api/v1/townships", Ct)).ReadJsonAsync()).AsArray());
    }

    [Fact]
    public async Task Production_RefusesToStart_WithStripePointedElsewhere()
    {
        await using var deployed = new Deployed("Production", new Dictionary<string, string?> { ["Stripe:ApiBase"] = "http://127.0.0.1:9/" });
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await deployed.InitializeAsync());
        Assert.Contains("Stripe:ApiBase", Flatten(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheClientSecret_IsShownToTheBookingsTouristOnly()
    {
        var tourist = await api.NewTouristAsync();
        var roses = await tourist.OfferingIdAsync("玫瑰采摘");
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await tourist.SlotIdAsync(roses, "2026-10-09"), paymentMethod: "alipay"));
        var id = booking.Get<string>("id");
        Assert.StartsWith("pi_", booking["payment"]!.Get<string>("clientSecret"), StringComparison.Ordinal);
        Assert.NotNull((await (await tourist.GetAsync($"/api/v1/bookings/{id}", Ct)).ReadJsonAsync())["payment"]!["clientSecret"]);

        foreach (var other in new[] { "operator.rose@banan.local", "admin@banan.local" })
        {
            var seen = await (await (await api.SignInAsync(other)).GetAsync($"/api/v1/bookings/{id}", Ct)).ReadJsonAsync();
            Assert.Equal(id, seen.Get<string>("id"));
            Assert.Null(seen["payment"]!["clientSecret"]);
        }

        var list = await (await (await api.SignInAsync("operator.rose@banan.local")).GetAsync("/api/v1/operator/bookings?date=2026-10-09", Ct)).ReadJsonAsync();
        Assert.All(list["items"]!.AsArray(), b => Assert.Null(b!["payment"]!["clientSecret"]));
    }

    [Theory]
    [InlineData("农家乐\u0000")]
    [InlineData("农家乐\r\n第二行")]
    [InlineData("\u202Eplh\u202C")]
    public async Task VenueNames_WithControlCharacters_AreRefusedByField(string name)
    {
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var village = (await (await api.CreateClient().GetAsync("/api/v1/townships", Ct)).ReadJsonAsync()).AsArray()
            .SelectMany(t => t!["villages"]!.AsArray()).First()!.Get<string>("id");
        var answer = await rose.PostAsJsonAsync("/api/v1/operator/venues", new { name, description = "", villageId = village, categories = new[] { "farmStay" } }, Ct);
        await answer.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "name");
    }

    [Fact]
    public async Task Responses_CarryHeadersAgainstFramingSniffingAndForeignScript()
    {
        var client = api.CreateClient();
        foreach (var path in new[] { "/", "/api/v1/townships", "/account/signin" })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("stripe", csp, StringComparison.Ordinal);
        }

        Assert.False((await client.GetAsync("/", Ct)).Headers.Contains("Strict-Transport-Security")); // Development
    }

    [Fact]
    public async Task Production_BehindItsTlsProxy_SendsHsts()
    {
        await using var deployed = new Deployed("Production", new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks"] = "127.0.0.0/8,::1/128" });
        await deployed.InitializeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/townships");
        request.Headers.Host = "banan.example.cn";
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await deployed.CreateClient().SendAsync(request, Ct);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Flatten(e.InnerException);

    /// <summary>The Api as a deployment in <paramref name="environment"/> runs it, with its own signing key and no Stripe.</summary>
    private sealed class Deployed(string environment, IReadOnlyDictionary<string, string?> settings) : ApiFactory
    {
        protected override string EnvironmentName => environment;

        protected override bool WithStripe => false;

        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(settings) { ["Auth:SigningKey"] = "a-deployment-signing-key-that-is-long-enough" };
    }
}
