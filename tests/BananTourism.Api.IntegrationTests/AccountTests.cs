using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Api.IntegrationTests;

public class AccountTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_ThenLogin_GivesATouristToken()
    {
        var email = $"visitor-{Guid.NewGuid():N}@example.cn";
        var registered = await _client.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = "Chongqing2026", displayName = "李四", phone = "13912345678" }, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var body = await registered.ReadJsonAsync();
        Assert.Equal("tourist", body.Get<string>("role"));
        Assert.Equal(email, body.Get<string>("email"));

        var me = await (await (await api.SignInAsync(email, "Chongqing2026")).GetAsync("/api/v1/me", Ct)).ReadJsonAsync();
        Assert.Equal(body.Get<string>("id"), me.Get<string>("id"));
        Assert.Equal("李四", me.Get<string>("displayName"));
        Assert.Equal("tourist", me.Get<string>("role"));
        Assert.Null(me["townshipId"]);
    }

    [Fact]
    public async Task Register_WithATakenEmailInAnotherCase_Returns409()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = "Tourist@Banan.LOCAL", password = "Chongqing2026", displayName = "x" }, Ct);
        await response.AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [Fact]
    public async Task Register_RacingWithTheSameEmail_CreatesOneAccount()
    {
        var email = $"race-{Guid.NewGuid():N}@example.cn";
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = "Chongqing2026", displayName = "race" }, Ct)));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created),
            a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
    }

    [Fact]
    public async Task Register_CannotChooseItsOwnRole()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = "sneaky@example.cn", password = "Chongqing2026", displayName = "x", role = "admin" }, Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "role");
    }

    [Theory]
    [InlineData("""{"email":"not-an-email","password":"Chongqing2026","displayName":"x"}""", "email")]
    [InlineData("""{"email":"a@example.cn","password":"short1","displayName":"x"}""", "password")]
    [InlineData("""{"email":"a@example.cn","password":"onlyletters","displayName":"x"}""", "password")]
    [InlineData("""{"email":"a@example.cn","password":"Chongqing2026","displayName":"   "}""", "displayName")]
    [InlineData("""{"email":"a@example.cn","password":"Chongqing2026"}""", "displayName")]
    [InlineData("""{"email":"a@example.cn","password":"Chongqing2026","displayName":"x","phone":"12345"}""", "phone")]
    [InlineData("""{"email":null,"password":"Chongqing2026","displayName":"x"}""", "email")]
    [InlineData("""{"email":42,"password":"Chongqing2026","displayName":"x"}""", "email")]
    [InlineData("""{"email":"a@example.cn","password":"Chongqing2026","displayName":"x",}""", "body")]
    [InlineData("""{"email":"a@example.cn",""", "body")]
    [InlineData("""[]""", "body")]
    public async Task Register_WithBadInput_Returns400NamingTheField(string json, string field)
    {
        var response = await _client.PostAsync("/api/v1/auth/register",
            new StringContent(json, new MediaTypeHeaderValue("application/json")), Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", field);
    }

    [Fact]
    public async Task Register_WithAnOverlongName_Returns400()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = "long@example.cn", password = "Chongqing2026", displayName = new string('名', 101) }, Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "displayName");
    }

    [Fact]
    public async Task Login_WrongPasswordAndUnknownEmail_LookTheSame()
    {
        var wrong = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = "tourist@banan.local", password = "Banan#2025" }, Ct);
        var unknown = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@banan.local", password = "Banan#2026" }, Ct);
        var a = await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var b = await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(a.Get<string>("detail"), b.Get<string>("detail"));
    }

    [Fact]
    public async Task Me_WithoutOrWithABadToken_Returns401Problem()
    {
        var none = await _client.GetAsync("/api/v1/me", Ct);
        await none.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        await (await _client.SendAsync(forged, Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Me_WithAnExpiredToken_Returns401()
    {
        await using var factory = new ApiFactory();
        await factory.InitializeAsync();
        var client = await factory.SignInAsync("tourist@banan.local");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromHours(3));
        await (await client.GetAsync("/api/v1/me", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task AdminCreatesAnOfficer_WhoSeesTheirTownship()
    {
        var admin = await api.SignInAsync("admin@banan.local");
        var townships = (await (await _client.GetAsync("/api/v1/townships", Ct)).ReadJsonAsync()).AsArray();
        var tangwan = townships.Single(t => t!.Get<string>("name") == "双河口镇")!.Get<string>("id");
        var email = $"officer-{Guid.NewGuid():N}@banan.local";

        var created = await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { email, password = "Officer2026", displayName = "双河口镇文旅办", role = "officer", townshipId = tangwan }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("officer", (await created.ReadJsonAsync()).Get<string>("role"));

        var me = await (await (await api.SignInAsync(email, "Officer2026")).GetAsync("/api/v1/me", Ct)).ReadJsonAsync();
        Assert.Equal("officer", me.Get<string>("role"));
        Assert.Equal(tangwan, me.Get<string>("townshipId"));
    }

    [Fact]
    public async Task AdminCreatesAnOperator()
    {
        var admin = await api.SignInAsync("admin@banan.local");
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { email = $"op-{Guid.NewGuid():N}@banan.local", password = "Operator2026", displayName = "新农家乐", role = "operator" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.Location);
    }

    [Theory]
    [InlineData("""{"email":"o1@banan.local","password":"Officer2026","displayName":"x","role":"officer"}""", "townshipId")]
    [InlineData("""{"email":"o2@banan.local","password":"Officer2026","displayName":"x","role":"officer","townshipId":"6a1f7f7e-0000-4000-8000-000000000000"}""", "townshipId")]
    [InlineData("""{"email":"o3@banan.local","password":"Officer2026","displayName":"x","role":"king"}""", "role")]
    [InlineData("""{"email":"o4@banan.local","password":"Officer2026","displayName":"x","role":"tourist"}""", "role")]
    [InlineData("""{"email":"o5@banan.local","password":"Officer2026","displayName":"x","role":2}""", "role")]
    public async Task AdminCreateUser_WithBadInput_Returns400NamingTheField(string json, string field)
    {
        var admin = await api.SignInAsync("admin@banan.local");
        var response = await admin.PostAsync("/api/v1/admin/users", new StringContent(json, new MediaTypeHeaderValue("application/json")), Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", field);
    }

    [Theory]
    [InlineData("tourist@banan.local")]
    [InlineData("operator.rose@banan.local")]
    [InlineData("officer.ersheng@banan.local")]
    public async Task CreateUser_ByAnyoneButAnAdmin_Returns403(string email)
    {
        var client = await api.SignInAsync(email);
        var response = await client.PostAsJsonAsync("/api/v1/admin/users",
            new { email = "x@banan.local", password = "Operator2026", displayName = "x", role = "admin" }, Ct);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task DemoAccounts_HaveOneOfEachRole()
    {
        foreach (var (email, role) in new[]
                 {
                     ("admin@banan.local", "admin"), ("officer.ersheng@banan.local", "officer"),
                     ("operator.yunlin@banan.local", "operator"), ("operator.rose@banan.local", "operator"),
                     ("tourist@banan.local", "tourist"),
                 })
        {
            var me = await (await (await api.SignInAsync(email)).GetAsync("/api/v1/me", Ct)).ReadJsonAsync();
            Assert.Equal(role, me.Get<string>("role"));
        }
    }
}
