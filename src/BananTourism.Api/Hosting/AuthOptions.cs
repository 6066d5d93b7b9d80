namespace BananTourism.Api.Hosting;

/// <summary>Configuration section <c>Auth</c>. Every replica must share <see cref="SigningKey"/> so a token
/// from one is accepted by all.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "bantourism";

    public string Audience { get; set; } = "bantourism-api";

    /// <summary>At least 32 bytes (HMAC-SHA256). Development has one in appsettings.Development.json;
    /// elsewhere it must be configured.</summary>
    public string SigningKey { get; set; } = "";

    public int TokenLifetimeMinutes { get; set; } = 120;
}
