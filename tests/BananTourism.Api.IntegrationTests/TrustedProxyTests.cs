using System.Net;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Api.IntegrationTests;

/// <summary>X-Forwarded-For is believed from the configured proxy networks only (issue 13). Seen through /metrics,
/// which answers loopback clients: a proxy forwarding for 127.0.0.1 is let through only when the proxy is trusted,
/// and a trusted proxy forwarding for someone else is not.</summary>
public sealed class TrustedProxyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForwardedFor_FromAKnownNetwork_IsBelieved()
    {
        await using var api = new BehindProxy();
        await api.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, await MetricsForwardedForAsync(api, "127.0.0.1"));
        Assert.Equal(HttpStatusCode.Forbidden, await MetricsForwardedForAsync(api, "203.0.113.7"));
    }

    [Fact]
    public async Task ForwardedFor_WithNoProxyConfigured_IsNotBelieved()
    {
        await using var api = new ApiFactory();
        await api.InitializeAsync();
        Assert.Equal(HttpStatusCode.Forbidden, await MetricsForwardedForAsync(api, "127.0.0.1"));
    }

    private static async Task<HttpStatusCode> MetricsForwardedForAsync(ApiFactory api, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", client);
        return (await api.CreateClient().SendAsync(request, Ct)).StatusCode;
    }

    private sealed class BehindProxy : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownNetworks"] = "127.0.0.0/8, ::1/128",
        };
    }
}
