using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Api.IntegrationTests;

/// <summary>The OpenAPI document clients generate from (issue 19): every operation summarised, its security said
/// (a bearer token or none), the problem+json answers it can give with the ProblemDetails schema, enums as strings,
/// examples that match what the service really answers. The document is also written to
/// <c>test-artifacts/openapi/v1.json</c>, where <c>.ci/run</c> lints it with Redocly's recommended rules.</summary>
public class OpenApiDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonNode> DocumentAsync() => await (await api.CreateClient().GetAsync("/openapi/v1.json", Ct)).ReadJsonAsync();

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => m.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(m => (p.Key, m.Key, m.Value!)));

    [Fact]
    public async Task EveryOperation_HasASummary_ItsSecurity_AndItsProblems()
    {
        var document = await DocumentAsync();
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!.Get<string>("scheme"));
        var problem = document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!.AsObject();
        Assert.True(problem.ContainsKey("code") && problem.ContainsKey("traceId") && problem.ContainsKey("errors"));
        Assert.NotNull(document["info"]!["license"]);
        Assert.All(document["servers"]?.AsArray() ?? [], s => Assert.False(s!.Get<string>("url").EndsWith('/')));
        Assert.All(document["tags"]!.AsArray(), t => Assert.False(string.IsNullOrWhiteSpace(t!.Get<string>("description"))));

        foreach (var (path, method, operation) in Operations(document))
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{where} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation["operationId"]?.GetValue<string>()), $"{where} has no operationId");
            Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()), $"{where} has no description");
            var security = operation["security"]?.AsArray();
            Assert.True(security is { Count: > 0 }, $"{where} does not say whether it needs a token");
            var responses = operation["responses"]!.AsObject();
            if (security![0]!.AsObject().ContainsKey("bearer"))
            {
                Assert.True(responses.ContainsKey("401"), $"{where} needs a token but declares no 401");
                Assert.Contains("Needs a bearer token", operation["description"]!.GetValue<string>(), StringComparison.Ordinal);
            }

            foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('4')))
            {
                Assert.True(response!["content"]?["application/problem+json"] is not null, $"{where} {status} is not problem+json");
            }
        }

        // What this issue found missing, by name.
        var cancel = document["paths"]!["/api/v1/bookings/{id}/cancel"]!["post"]!;
        Assert.True(cancel["responses"]!.AsObject().ContainsKey("409"));
        var create = document["paths"]!["/api/v1/bookings"]!["post"]!;
        Assert.Contains(create["parameters"]!.AsArray(), p => p!.Get<string>("name") == "Idempotency-Key" && p!.Get<string>("in") == "header");
        Assert.Equal("string", document["components"]!["schemas"]!["Category"]!.Get<string>("type"));
        Assert.Contains("Stripe-Signature", document["paths"]!["/api/v1/payments/stripe/webhook"]!["post"]!.Get<string>("description"), StringComparison.Ordinal);

        var folder = Path.Combine(RepositoryRoot(), "test-artifacts", "openapi");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "v1.json"), document.ToJsonString(), Ct);
    }

    [Fact]
    public async Task TheBookingExamples_HaveTheFieldsTheServiceReallySends()
    {
        var document = await DocumentAsync();
        var create = document["paths"]!["/api/v1/bookings"]!["post"]!;
        var request = create["requestBody"]!["content"]!["application/json"]!["example"]!.AsObject();
        var answer = create["responses"]!["201"]!["content"]!["application/json"]!["example"]!.AsObject();

        var tourist = await api.NewTouristAsync();
        var roses = await tourist.OfferingIdAsync("玫瑰采摘");
        var body = (JsonObject)JsonNode.Parse(request.ToJsonString())!;
        body["offeringId"] = roses;
        body["slotId"] = await tourist.SlotIdAsync(roses, "2026-09-23");
        var real = await (await tourist.PostAsJsonAsync("/api/v1/bookings", body, Ct)).ReadJsonAsync();
        Assert.Equal(answer.Select(p => p.Key).Order(), real.AsObject().Select(p => p.Key).Order());
    }

    private static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "BananTourism.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? Path.GetTempPath();
    }
}
