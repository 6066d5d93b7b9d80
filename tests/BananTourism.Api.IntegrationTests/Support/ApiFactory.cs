using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BananTourism.Api.IntegrationTests.Support;

/// <summary>The real Api on Kestrel over loopback, with its own SQLite file seeded with the demo catalog, and a
/// clock the test controls (09:00 in Chongqing on Monday 21 September 2026, ten days before National Day).</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 9, 21, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "banan-tests", Guid.NewGuid().ToString("N"));

    public ApiFactory() => UseKestrel(0);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The loopback Stripe this instance talks to (null where a derived factory switches payments off).</summary>
    public FakeStripe? Stripe { get; private set; }

    /// <summary>Whether online payment is configured; on by default.</summary>
    protected virtual bool WithStripe => true;

    public string DatabasePath => Path.Combine(_folder, "banan.db");

    /// <summary>Where the Api copies every message it sends (Notifications:PickupDirectory).</summary>
    public string PickupDirectory => Path.Combine(_folder, "outbox");

    /// <summary>The hosting environment: Development unless a derived factory tries another.</summary>
    protected virtual string EnvironmentName => "Development";

    /// <summary>Extra settings a derived factory wants (e.g. lower rate limits).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        if (WithStripe)
        {
            Stripe = await FakeStripe.StartAsync();
        }

        StartServer();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Stripe is not null)
        {
            await Stripe.DisposeAsync();
        }

        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:BananTourism", $"Data Source={DatabasePath}");
        builder.UseSetting("RateLimits:AuthPerMinute", "100000");
        builder.UseSetting("RateLimits:BookingsPerMinute", "100000");
        builder.UseSetting("Notifications:PickupDirectory", PickupDirectory);
        builder.UseSetting("DemoData:HistoryYears", "0"); // the tests count their own bookings; FreshStartTests has the history
        builder.UseSetting("PhoneVerification:CodesPerAddressPerDay", "100000"); // every test tourist comes from 127.0.0.1
        if (Stripe is not null)
        {
            builder.UseSetting("Stripe:SecretKey", FakeStripe.SecretKey);
            builder.UseSetting("Stripe:WebhookSecret", FakeStripe.WebhookSecret);
            builder.UseSetting("Stripe:PublishableKey", FakeStripe.PublishableKey);
            builder.UseSetting("Stripe:ApiBase", Stripe.ApiBase);
            builder.UseSetting("Stripe:TimeoutSeconds", "2");
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task<HttpClient> SignInAsync(string email, string password = "Banan#2026")
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<LoginAnswer>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!.AccessToken);
        return client;
    }

    /// <summary>Delivers a Stripe event to the webhook, signed now by this instance's clock.</summary>
    public Task<HttpResponseMessage> StripeEventAsync(string type, System.Text.Json.Nodes.JsonObject data) =>
        PostStripeEventAsync(FakeStripe.Event(type, data, Clock.GetUtcNow()));

    public async Task<HttpResponseMessage> PostStripeEventAsync((string Payload, string Signature) signed)
    {
        using var content = new StringContent(signed.Payload, System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/stripe/webhook") { Content = content };
        request.Headers.Add("Stripe-Signature", signed.Signature);
        var response = await CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return response;
    }

    private sealed record LoginAnswer(string AccessToken, int ExpiresIn, string Role);
}
