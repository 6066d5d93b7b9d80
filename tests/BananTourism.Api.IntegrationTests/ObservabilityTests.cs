using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>/metrics and the shared Data Protection key ring (issue 13). Not run beside other classes: every Api in
/// the test process reports into the same meters, so the counts here are exact only when nobody else books.</summary>
[Collection(nameof(ObservabilityTests))]
public sealed class ObservabilityTests(ObservabilityTests.ScrapedApi api) : IClassFixture<ObservabilityTests.ScrapedApi>
{
    private const string Token = "scrape-secret-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_FromLoopback_CountBookingsByOutcomeAndCode()
    {
        var tourist = await api.NewTouristAsync();
        var anonymous = api.CreateClient();
        var roses = await anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await anonymous.SlotIdAsync(roses, "2026-10-05");
        var (confirmed, tooMany) = (await CountAsync(anonymous, "code=\"\",outcome=\"confirmed\""), await CountAsync(anonymous, "code=\"party_size_not_allowed\",outcome=\"refused\""));

        await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 2));
        await (await tourist.BookAsync(Booker.SlotBooking(roses, slot, adults: 30))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "party_size_not_allowed");

        Assert.Equal(confirmed + 1, await CountOnceFreshAsync(anonymous, "code=\"\",outcome=\"confirmed\"", confirmed + 1));
        Assert.Equal(tooMany + 1, await CountOnceFreshAsync(anonymous, "code=\"party_size_not_allowed\",outcome=\"refused\"", tooMany + 1));
        var text = await anonymous.GetStringAsync("/metrics", Ct);
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("microsoft_entityframeworkcore_savechanges_total", text, StringComparison.Ordinal);
    }

    private static async Task<double> LagSumAsync(HttpClient client)
    {
        var text = await client.GetStringAsync("/metrics", Ct);
        var sum = System.Text.RegularExpressions.Regex.Match(text, @"^banan_payments_webhook_lag_seconds_sum\{[^}]*\} (?<v>[0-9.eE+-]+)$",
            System.Text.RegularExpressions.RegexOptions.Multiline);
        return sum.Success ? double.Parse(sum.Groups["v"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The exporter answers a scrape from a cache for 300 ms (against scrape storms): ask again until the
    /// figure is <paramref name="expected"/> or a second has passed, then give what it says.</summary>
    private static async Task<double> CountOnceFreshAsync(HttpClient client, string labels, double expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(1);
        double value;
        while ((value = await CountAsync(client, labels)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        return value;
    }

    private static async Task<double> CountAsync(HttpClient client, string labels)
    {
        var text = await client.GetStringAsync("/metrics", Ct);
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("banan_bookings_total{", StringComparison.Ordinal) && l.Contains(labels, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task WebhookLag_IsMeasuredFromWhenStripeCreatedTheEvent()
    {
        var tourist = await api.NewTouristAsync();
        var anonymous = api.CreateClient();
        var roses = await anonymous.OfferingIdAsync("玫瑰采摘");
        var held = await tourist.BookOkAsync(Booker.SlotBooking(roses, await anonymous.SlotIdAsync(roses, "2026-10-06"), adults: 1, paymentMethod: "alipay"));
        var intent = api.Stripe!.Succeed(api.Stripe.IntentFor(Guid.Parse(held.Get<string>("id")))["id"]!.GetValue<string>());

        // Stripe created the event 90 s ago (a retried delivery); it is applied now.
        var delivered = await api.PostStripeEventAsync(FakeStripe.Event("payment_intent.succeeded", intent, api.Clock.GetUtcNow().AddSeconds(-90)));
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);

        // (The exporter may answer from its 300-ms cache: ask until it shows the delivery, for a second at most.)
        var deadline = DateTime.UtcNow.AddSeconds(1);
        var lag = await LagSumAsync(anonymous);
        while (lag < 90 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
            lag = await LagSumAsync(anonymous);
        }

        Assert.True(lag >= 90, $"the webhook lag histogram's sum is {lag}, not ≥ 90 s");
    }

    [Fact]
    public async Task Metrics_ForwardedByAProxy_NeedTheToken()
    {
        async Task<HttpStatusCode> ScrapeAsync(string? bearer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9"); // came through a proxy: not a loopback caller
            if (bearer is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            return (await api.CreateClient().SendAsync(request, Ct)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await ScrapeAsync(null));
        Assert.Equal(HttpStatusCode.Unauthorized, await ScrapeAsync("scrape-secret-wrong-000000"));
        Assert.Equal(HttpStatusCode.OK, await ScrapeAsync(Token));
    }

    [Fact]
    public async Task DataProtectionKeys_AreInTheDatabase_EncryptedWithTheConfiguredCertificate()
    {
        var keys = await api.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync(Ct));
        Assert.NotEmpty(keys); // made at start-up, before anything was served
        Assert.All(keys, key =>
        {
            Assert.Contains("EncryptedData", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key.Xml, StringComparison.Ordinal);
        });
    }

    /// <summary>The Api with a scrape token and a certificate for the key ring.</summary>
    public sealed class ScrapedApi : ApiFactory
    {
        private readonly string _certificate = Path.Combine(Path.GetTempPath(), "banan-tests", $"dp-{Guid.NewGuid():N}.pfx");

        public ScrapedApi()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=BananTourism Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            Directory.CreateDirectory(Path.GetDirectoryName(_certificate)!);
            File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        }

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Metrics:Token"] = Token,
            ["DataProtection:CertificatePath"] = _certificate,
            ["DataProtection:CertificatePassword"] = "pfx-password",
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(_certificate);
        }
    }
}

[CollectionDefinition(nameof(ObservabilityTests), DisableParallelization = true)]
public sealed class ObservabilityCollection;
