using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BananTourism.Api.IntegrationTests.Support;

public static class Json
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())
        ?? throw new InvalidOperationException("Empty body.");

    /// <summary>Asserts an RFC 9457 problem with the status, stable code and (for validation) the named field.</summary>
    public static async Task<JsonNode> AssertProblemAsync(
        this HttpResponseMessage response, HttpStatusCode status, string code, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()));
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("BananTourism.", body, StringComparison.Ordinal);
        if (field is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors is not null && errors.ContainsKey(field), $"Expected an error for '{field}': {body}");
        }

        return problem;
    }

    public static T Get<T>(this JsonNode node, string name) => node[name]!.GetValue<T>();

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
