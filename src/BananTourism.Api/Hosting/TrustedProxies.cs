using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BananTourism.Api.Hosting;

/// <summary>Behind an ingress the client's address and scheme arrive in X-Forwarded-For/-Proto. They are believed
/// only from the networks in <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. the cluster's pod network) or the
/// addresses in <c>ForwardedHeaders:KnownProxies</c>: trusting every sender would let anyone who reaches a pod
/// pick the address that sign-in and SMS limits count by.</summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var networks = Values(configuration, "KnownNetworks").Select(ParseNetwork).ToList();
        var proxies = Values(configuration, "KnownProxies").Select(ParseAddress).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1; // the ingress's own entry: anything further left was written by the client
            networks.ForEach(options.KnownIPNetworks.Add);
            proxies.ForEach(options.KnownProxies.Add);
        });
        return services;
    }

    public static bool Configured(IConfiguration configuration) =>
        Values(configuration, "KnownNetworks").Any() || Values(configuration, "KnownProxies").Any();

    /// <summary>A list in configuration (<c>KnownNetworks:0</c>, …) or one comma-separated value (an environment variable).</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(Section).GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static System.Net.IPNetwork ParseNetwork(string text) => System.Net.IPNetwork.TryParse(text, out var network)
        ? network
        : throw new InvalidOperationException($"{Section}:KnownNetworks: '{text}' is not a network in CIDR notation (e.g. 10.0.0.0/8).");

    private static IPAddress ParseAddress(string text) => IPAddress.TryParse(text, out var address)
        ? address
        : throw new InvalidOperationException($"{Section}:KnownProxies: '{text}' is not an IP address.");
}
