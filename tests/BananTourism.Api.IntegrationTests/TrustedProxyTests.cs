using System.Net;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Api.IntegrationTests;

/// <summary>X-Forwarded-For is believed from the configured proxy networks only (issue 13), seen through what it is
/// for: limits count the real client behind a trusted ingress, and a client cannot pick its own address elsewhere.</summary>
public sealed class TrustedProxyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BehindATrustedProxy_SignInLimitsCountEachClient()
    {
        await using var api = new LimitedTo2SignIns(trustLoopbackProxy: true);
        await api.InitializeAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(api, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(api, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(api, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(api, "203.0.113.2")); // another client behind the same ingress
    }

    [Fact]
    public async Task WithNoProxyConfigured_AClientCannotChooseItsAddress()
    {
        await using var api = new LimitedTo2SignIns(trustLoopbackProxy: false);
        await api.InitializeAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(api, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(api, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(api, "203.0.113.3")); // all one client: 127.0.0.1
    }

    [Fact]
    public async Task Metrics_ThroughATrustedProxy_ForwardedForLoopback_StillNeedTheToken()
    {
        await using var api = new LimitedTo2SignIns(trustLoopbackProxy: true);
        await api.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/metrics", Ct)).StatusCode);
        foreach (var path in new[] { "/metrics", "/metrics/", "/METRICS" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Forwarded-For", "127.0.0.1");
            Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateClient().SendAsync(request, Ct)).StatusCode);
        }
    }

    private static async Task<HttpStatusCode> SignInFromAsync(ApiFactory api, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = "nobody@example.cn", password = "not-the-password-1" }),
        };
        request.Headers.Add("X-Forwarded-For", client);
        return (await api.CreateClient().SendAsync(request, Ct)).StatusCode;
    }

    private sealed class LimitedTo2SignIns(bool trustLoopbackProxy) : ApiFactory
    {
        protected override bool WithStripe => false;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:AuthPerMinute"] = "2",
            ["ForwardedHeaders:KnownNetworks"] = trustLoopbackProxy ? "127.0.0.0/8, ::1/128" : null,
        };
    }
}
