using System.Net;
using System.Net.Http.Json;
using BananTourism.Api.Hosting;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Signing in against guessing (a backoff per account, kept in the database, the same for unknown emails;
/// IPv6 clients limited by their /64), and sign-ins that end when what they vouched for changes: a role, a
/// password, the account itself.</summary>
public class SignInTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password }, Ct);

    [Fact]
    public async Task FailedSignIns_LockTheAccountWithGrowingWaits_AndTheRightPasswordAfterwardsResets()
    {
        var email = await api.RegisterTouristAsync();
        for (var i = 1; i <= 5; i++)
        {
            await (await LoginAsync(email, "wrong-password-1")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        // Locked: even the right password is not looked at, and the answer says how long to wait.
        var locked = await LoginAsync(email, Booker.TouristPassword);
        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);

        // The page's sign-in is held by the same count.
        using var page = new PageBrowser(api.CreateClient().BaseAddress!);
        var form = await page.SubmitAsync("/account/signin", "/account/signin", ("Input.Email", email), ("Input.Password", Booker.TouristPassword));
        Assert.Contains("尝试次数太多", await form.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // After the minute: one more wrong try locks for two.
        api.Clock.Advance(TimeSpan.FromSeconds(61));
        await (await LoginAsync(email, "wrong-password-1")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var longer = await LoginAsync(email, Booker.TouristPassword);
        Assert.InRange(int.Parse(longer.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 61, 120);

        api.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(email, Booker.TouristPassword)).StatusCode);
        await (await LoginAsync(email, "wrong-password-1")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials"); // counting from one again
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(email, Booker.TouristPassword)).StatusCode);
    }

    [Fact]
    public async Task TwentyGuessesAtOnce_OnlyFiveAreLookedAt()
    {
        var email = await api.RegisterTouristAsync();
        var guesses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => LoginAsync(email, $"guess-{i}-2026"), Ct)));
        Assert.Equal(5, guesses.Count(g => g.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(15, guesses.Count(g => g.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task AnUnknownEmail_IsAnsweredLikeAKnownOne_LockIncluded()
    {
        var nobody = $"nobody-{Guid.NewGuid():N}@example.cn";
        for (var i = 1; i <= 5; i++)
        {
            await (await LoginAsync(nobody, "whatever-1")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        await (await LoginAsync(nobody, "whatever-1")).AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7", true)]
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    public void RateLimits_CountAnIPv6ClientByIts64(string a, string b, bool together) =>
        Assert.Equal(together, ClientAddress.Partition(System.Net.IPAddress.Parse(a)) == ClientAddress.Partition(System.Net.IPAddress.Parse(b)));

    [Fact]
    public async Task ADemotedOperatorsOldToken_IsRefusedWithinAMinute_AndItsPageSessionAtOnce()
    {
        var admin = await api.SignInAsync("admin@banan.local");
        var email = $"op-{Guid.NewGuid():N}@banan.local";
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { email, password = "Operator2026", displayName = "临时经营户", role = "operator" }, Ct)).ReadJsonAsync();
        var id = created.Get<string>("id");
        var operatorClient = await api.SignInAsync(email, "Operator2026");
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/v1/operator/venues", Ct)).StatusCode);
        using var page = await PageBrowser.SignedInAsync(api, email, "Operator2026");
        Assert.Equal(HttpStatusCode.OK, (await page.Client.GetAsync("/operator", Ct)).StatusCode);

        var township = (await (await api.CreateClient().GetAsync("/api/v1/townships", Ct)).ReadJsonAsync()).AsArray()[0]!.Get<string>("id");
        var demoted = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}", new { role = "officer", townshipId = township }, Ct);
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal("officer", (await demoted.ReadJsonAsync()).Get<string>("role"));

        // The page session ends at the next request; the token within SessionChecks.Fresh (30 s), on every replica.
        Assert.Equal(HttpStatusCode.Redirect, (await page.Client.GetAsync("/operator", Ct)).StatusCode);
        api.Clock.Advance(SessionChecks.Fresh + TimeSpan.FromSeconds(1));
        await (await operatorClient.GetAsync("/api/v1/operator/venues", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await operatorClient.GetAsync("/api/v1/me", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        // Signed in again, the account is what the admin made it.
        var officer = await api.SignInAsync(email, "Operator2026");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/reports/visitors?from=2026-09-01&to=2026-09-30&groupBy=month", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/operator/venues", Ct)).StatusCode);
    }

    [Fact]
    public async Task ANewPassword_EndsTheOtherSessions_AndARemovedAccountSignsInNoMore()
    {
        var email = await api.RegisterVerifiedTouristAsync();
        var phone = await api.SignInAsync(email, Booker.TouristPassword);
        var laptop = await api.SignInAsync(email, Booker.TouristPassword);
        await (await laptop.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "not-it-2026", newPassword = "Roses&Peaches2027" }, Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "wrong_password", "currentPassword");
        var changed = await laptop.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = Booker.TouristPassword, newPassword = "Roses&Peaches2027" }, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var fresh = api.CreateClient();
        fresh.DefaultRequestHeaders.Authorization = new("Bearer", (await changed.ReadJsonAsync()).Get<string>("accessToken"));
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/me", Ct)).StatusCode); // the new token works at once

        api.Clock.Advance(SessionChecks.Fresh + TimeSpan.FromSeconds(1));
        await (await phone.GetAsync("/api/v1/me", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/me", Ct)).StatusCode);
        await (await LoginAsync(email, Booker.TouristPassword)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        var admin = await api.SignInAsync("admin@banan.local");
        var id = (await (await fresh.GetAsync("/api/v1/me", Ct)).ReadJsonAsync()).Get<string>("id");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/users/{id}", Ct)).StatusCode);
        api.Clock.Advance(SessionChecks.Fresh + TimeSpan.FromSeconds(1));
        await (await fresh.GetAsync("/api/v1/me", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await LoginAsync(email, "Roses&Peaches2027")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await admin.DeleteAsync($"/api/v1/admin/users/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
