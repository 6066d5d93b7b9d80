using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Infrastructure;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Replicas.Tests;

/// <summary>Three Api processes on one SQLite file, each on its own loopback port with no proxy in front, as three
/// replicas share one database; payments go to a loopback fake of Stripe. The first replica migrates and seeds,
/// the other two start together once it has.</summary>
public sealed partial class ReplicaSet : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "banan-tests", "replicas-" + Guid.NewGuid().ToString("N"));

    public ApiProcess[] Replicas { get; } = new ApiProcess[3];

    public FakeStripe Stripe { get; private set; } = null!;

    /// <summary>The mail server all three replicas' dispatchers send to.</summary>
    public FakeSmtp Smtp { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_folder, "banan.db");

    private Dictionary<string, string> Settings => new()
    {
        ["Stripe__SecretKey"] = FakeStripe.SecretKey,
        ["Stripe__WebhookSecret"] = FakeStripe.WebhookSecret,
        ["Stripe__ApiBase"] = Stripe.ApiBase,
        ["Bookings__ExpirySweepSeconds"] = "1",
        ["Bookings__MaxUnpaidHolds"] = "1000",
        ["Bookings__MaxPayOnArrivalPeoplePerDay"] = "100000",
        ["Notifications__Smtp__Host"] = "127.0.0.1",
        ["Notifications__Smtp__Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Notifications__Smtp__UseTls"] = "false",
        ["Notifications__DispatchIntervalMilliseconds"] = "200",
    };

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Stripe = await FakeStripe.StartAsync();
        Smtp = FakeSmtp.Start();
        Replicas[0] = await ApiProcess.StartAsync(DatabasePath, Settings);
        var others = await Task.WhenAll(ApiProcess.StartAsync(DatabasePath, Settings), ApiProcess.StartAsync(DatabasePath, Settings));
        (Replicas[1], Replicas[2]) = (others[0], others[1]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in Replicas.Where(r => r is not null))
        {
            await replica.DisposeAsync();
        }

        await Stripe.DisposeAsync();
        await Smtp.DisposeAsync();
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

    /// <summary>Starts replica <paramref name="index"/> again on the same database (after it was killed).</summary>
    public async Task RestartAsync(int index)
    {
        await Replicas[index].DisposeAsync();
        Replicas[index] = await ApiProcess.StartAsync(DatabasePath, Settings);
    }

    public AppDbContext Database()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={DatabasePath}");
        return new AppDbContext(options.Options);
    }

    /// <summary>A new tourist with a verified phone, registered on <paramref name="registerOn"/>; its bearer token.</summary>
    public static async Task<string> TouristTokenAsync(ApiProcess registerOn)
    {
        var email = $"t-{Guid.NewGuid():N}@example.cn";
        using var client = registerOn.CreateClient();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = Booker.TouristPassword, displayName = "多副本游客" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Booker.TouristPassword },
            TestContext.Current.CancellationToken)).ReadJsonAsync();
        var token = login.Get<string>("accessToken");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await Booker.VerifyPhoneAsync(client, registerOn.PickupDirectory, Booker.NewPhone());
        return token;
    }

    public static HttpClient Client(ApiProcess replica, string token)
    {
        var client = replica.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A counter's value on every replica's /metrics, summed, over the series whose labels include
    /// every one of <paramref name="labels"/> (e.g. <c>outcome="confirmed"</c>).</summary>
    public async Task<double> MetricAsync(string name, params string[] labels) => (await MetricPerReplicaAsync(name, labels)).Sum();

    /// <summary>As <see cref="MetricAsync"/>, one value per replica.</summary>
    public async Task<double[]> MetricPerReplicaAsync(string name, params string[] labels)
    {
        var values = new double[Replicas.Length];
        for (var i = 0; i < Replicas.Length; i++)
        {
            using var client = Replicas[i].CreateClient();
            var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
            foreach (Match m in SeriesLine().Matches(text))
            {
                if (m.Groups["name"].Value == name && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
                {
                    values[i] += double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
                }
            }
        }

        return values;
    }

    public static string Day(int daysAhead) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();
}

[CollectionDefinition(Name)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaSet>
{
    public const string Name = "Three replicas";
}
