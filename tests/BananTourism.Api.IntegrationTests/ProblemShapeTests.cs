using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Api.IntegrationTests;

public class ProblemShapeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HugeBody_Returns413Problem()
    {
        var json = $$"""{"email":"a@example.cn","password":"Chongqing2026","displayName":"{{new string('x', 300_000)}}"}""";
        var response = await _client.PostAsync("/api/v1/auth/register", new StringContent(json, new MediaTypeHeaderValue("application/json")), Ct);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        var response = await _client.GetAsync("/api/v1/nothing-here", Ct);
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task NonGuidId_Returns404Problem()
    {
        var response = await _client.GetAsync("/api/v1/venues/123", Ct);
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task WrongMethod_Returns405Problem()
    {
        var response = await _client.DeleteAsync("/api/v1/townships", Ct);
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task NonJsonBody_Returns415Problem()
    {
        var response = await _client.PostAsync("/api/v1/auth/login", new StringContent("email=a", new MediaTypeHeaderValue("text/plain")), Ct);
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task DeeplyNestedJson_Returns400()
    {
        var json = """{"email":""" + new string('[', 64) + new string(']', 64) + "}";
        var response = await _client.PostAsync("/api/v1/auth/login", new StringContent(json, new MediaTypeHeaderValue("application/json")), Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}

public class OperationsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_IsOk(string url) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(url, Ct)).StatusCode);

    [Fact]
    public async Task OpenApi_DescribesTheContract()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json", Ct)).ReadJsonAsync();
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[]
                 {
                     "/api/v1/townships", "/api/v1/venues", "/api/v1/venues/{id}", "/api/v1/offerings", "/api/v1/offerings/{id}",
                     "/api/v1/offerings/{id}/availability", "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/me",
                     "/api/v1/admin/users",
                 })
        {
            Assert.True(paths.ContainsKey(path), $"OpenAPI lacks {path}");
        }
    }

    [Fact]
    public async Task Docs_ServeTheApiReference()
    {
        var response = await _client.GetAsync("/docs", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }
}

public class RateLimitTests : IAsyncLifetime
{
    private readonly StrictLimitsFactory _api = new();

    public ValueTask InitializeAsync() => _api.InitializeAsync();

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Login_TooOften_Returns429WithRetryAfter()
    {
        var client = _api.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var ok = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "tourist@banan.local", password = "wrong-guess1" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, ok.StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "tourist@banan.local", password = "Banan#2026" }, TestContext.Current.CancellationToken);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    private sealed class StrictLimitsFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["RateLimits:AuthPerMinute"] = "3" };
    }
}
