using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Benchmarks;
using BananTourism.Infrastructure;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

// Starts the real Api (this build, Release when run with -c Release) on 127.0.0.1 with a fresh SQLite file
// and drives it over HTTP with concurrent clients. Usage:
//   dotnet run -c Release --project tests/BananTourism.Benchmarks [-- --clients 32 --bookings 20000 --queries 20000]
//   ... -- --drain 10000   (the message dispatcher draining 10,000 queued emails to an SMTP server on loopback)
//   ... -- --today --years 3   (today's board for a township of 50 venues over 3 years of history; 200 idle streams' CPU)
//   ... -- --home   (the home page with 12 photo cards, and the cards' thumbnails fetched and revalidated)
if (args.Contains("--reports"))
{
    var reuse = Array.IndexOf(args, "--reuse-db") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    return await ReportBenchmark.RunAsync(Arg("--years", 3), reuse);
}

if (args.Contains("--today"))
{
    return await TodayBenchmark.RunAsync(Arg("--years", 3));
}

if (args.Contains("--home"))
{
    return await HomeBenchmark.RunAsync(Arg("--clients", 32), Arg("--requests", 10_000));
}

if (args.Contains("--drain"))
{
    return await DrainBenchmark.RunAsync(Arg("--drain", 10_000));
}

var clients = Arg("--clients", 32);
var spreadBookings = Arg("--bookings", 20_000);
var rushAttempts = Arg("--rush", 3_000);
var queries = Arg("--queries", 20_000);
var folder = Path.Combine(Path.GetTempPath(), "banan-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var dbPath = Path.Combine(folder, "banan.db");

Console.WriteLine($"BananTourism benchmark: {Environment.ProcessorCount} cores, {clients} concurrent clients, Api build {Build()}");
await using var api = await ApiProcess.StartAsync(dbPath, new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Development",
    ["Bookings__MaxUnpaidHolds"] = "1000000",
    ["Bookings__MaxPayOnArrivalPeoplePerDay"] = "1000000",
});
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = api.Address };
Console.WriteLine($"Api at {api.Address} (watch it with: curl -s {api.Address}metrics | grep ^banan_)");

var tourists = new List<AuthenticationHeaderValue>();
for (var i = 0; i < clients; i++)
{
    var email = $"bench-{i}-{Guid.NewGuid():N}@example.cn";
    (await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "Chongqing2026", displayName = "压测" })).EnsureSuccessStatusCode();
    var login = JsonNode.Parse(await (await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Chongqing2026" })).Content.ReadAsStringAsync())!;
    tourists.Add(new AuthenticationHeaderValue("Bearer", login["accessToken"]!.GetValue<string>()));
}

// The catalog as the tourists see it.
var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
var offerings = JsonNode.Parse(await http.GetStringAsync("/api/v1/offerings?pageSize=100"))!["items"]!.AsArray()
    .Select(o => (Id: o!["id"]!.GetValue<string>(), Kind: o["kind"]!.GetValue<string>())).ToList();
var slotTargets = new List<(string Offering, string Slot)>();
var nightTargets = new List<(string Offering, DateOnly Night)>();
foreach (var (id, kind) in offerings)
{
    var availability = JsonNode.Parse(await http.GetStringAsync($"/api/v1/offerings/{id}/availability?from={today.AddDays(1):yyyy-MM-dd}&to={today.AddDays(59):yyyy-MM-dd}"))!;
    if (kind == "timeSlot")
    {
        slotTargets.AddRange(availability["slots"]!.AsArray().Select(s => (id, s!["id"]!.GetValue<string>())));
    }
    else
    {
        nightTargets.AddRange(availability["nights"]!.AsArray().Select(n => (id, DateOnly.Parse(n!["date"]!.GetValue<string>(), CultureInfo.InvariantCulture))));
    }
}

// Room for everyone in the spread scenario; one small slot for the rush.
var rushSlot = slotTargets[0];
const int RushCapacity = 500;
await using (var db = Db(dbPath))
{
    await db.Slots.ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, 1_000_000));
    await db.Nights.ExecuteUpdateAsync(n => n.SetProperty(x => x.Units, 1_000_000));
    await db.Venues.ExecuteUpdateAsync(v => v.SetProperty(x => x.DailyCap, (int?)null));

    // Load, not abuse: every offering takes pay on arrival, and the generated tourists count as verified (the
    // check itself still runs on every booking).
    await db.Database.ExecuteSqlRawAsync("UPDATE Offerings SET PayOnArrivalAllowed = 1, PayOnArrivalMaxPeople = NULL");
    await db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.PhoneVerifiedAt, DateTimeOffset.UtcNow));
    await db.Slots.Where(s => s.Id == Guid.Parse(rushSlot.Slot)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, RushCapacity));
}

// Warm up first: the JIT's tiering and the connection pools settle, so the figures below are steady state.
var warm = new Random(7);
await Load.RunAsync("warm-up (not measured)", Arg("--warmup", 4_000), clients, i =>
{
    var (o, slot) = slotTargets[warm.Next(1, slotTargets.Count)];
    return i % 3 == 0
        ? Get(http, $"/api/v1/offerings/{o}/availability?from={today:yyyy-MM-dd}&to={today.AddDays(30):yyyy-MM-dd}")
        : Book(http, tourists[i % clients], new { offeringId = o, slotId = slot, adults = 2, children = 0, contact = Contact(), paymentMethod = "payOnArrival" });
});

var results = new List<Scenario>();
var rushBody = Json(new { offeringId = rushSlot.Offering, slotId = rushSlot.Slot, adults = 1, children = 0, contact = Contact(), paymentMethod = "payOnArrival" });
var rush = await Load.RunAsync("a. rush on one slot (capacity 500)", rushAttempts, clients, i => Book(http, tourists[i % clients], rushBody), api.CpuTime);
await using (var db = Db(dbPath))
{
    var reserved = await db.Slots.Where(s => s.Id == Guid.Parse(rushSlot.Slot)).Select(s => s.Reserved).SingleAsync();
    rush = rush with { Oversells = Math.Max(0, rush.Created - RushCapacity) + Math.Max(0, reserved - RushCapacity) };
}

results.Add(rush);

var random = new Random(42);
var plan = Enumerable.Range(0, spreadBookings).Select(i =>
{
    if (i % 4 == 3 && nightTargets.Count > 0)
    {
        var (offering, night) = nightTargets[random.Next(nightTargets.Count)];
        return (object)new { offeringId = offering, checkIn = night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), checkOut = night.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), units = 1, adults = 2, children = 0, contact = Contact(), paymentMethod = "payOnArrival" };
    }

    var (o, slot) = slotTargets[random.Next(1, slotTargets.Count)];
    return new { offeringId = o, slotId = slot, adults = 2, children = random.Next(2), contact = Contact(), paymentMethod = "payOnArrival" };
}).ToArray();
var bodies = plan.Select(Json).ToArray();
results.Add(await Load.RunAsync("b. bookings spread over slots and nights", spreadBookings, clients, i => Book(http, tourists[i % clients], bodies[i]), api.CpuTime));

var windows = Enumerable.Range(0, queries).Select(_ =>
{
    var (id, _) = offerings[random.Next(offerings.Count)];
    var from = today.AddDays(random.Next(0, 28));
    return $"/api/v1/offerings/{id}/availability?from={from:yyyy-MM-dd}&to={from.AddDays(30):yyyy-MM-dd}";
}).ToArray();
results.Add(await Load.RunAsync("c. availability, 31-day window", queries, clients, i => Get(http, windows[i]), api.CpuTime));
results.Add(await Load.RunAsync("d. availability, 31-day window, 4 clients", queries / 2, 4, i => Get(http, windows[i]), api.CpuTime));

// The web pages a tourist opens, rendered on the server (HTML, Chinese): an offering's month calendar with two
// weeks of sessions, and the home page.
var pages = Enumerable.Range(0, queries / 2).Select(_ => $"/offerings/{offerings[random.Next(offerings.Count)].Id}").ToArray();
results.Add(await Load.RunAsync("e. offering web page (month + two weeks)", pages.Length, clients, i => Get(http, pages[i]), api.CpuTime));
results.Add(await Load.RunAsync("f. home web page", queries / 4, clients, _ => Get(http, "/"), api.CpuTime));

var raw = await RawSqlite.MeasureAsync(Path.Combine(folder, "raw.db"), Math.Min(spreadBookings, 5_000));
var batchedRaw = await RawSqlite.MeasureAsync(Path.Combine(folder, "raw-batched.db"), spreadBookings, perCommit: clients);
var peakMb = api.PeakMemoryMb();

Console.WriteLine();
Console.WriteLine("| scenario | requests | ok | refused | errors | ok per second | p50 ms | p95 ms | p99 ms | oversells | Api CPU ms/request | generator CPU ms/request |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine(r.Row());
}

Console.WriteLine();
Console.WriteLine($"raw limit, unbatched: plain Microsoft.Data.Sqlite, the same writes per booking (WAL, synchronous=FULL), a commit each: {raw:0} bookings/s");
Console.WriteLine($"batched raw limit: the same, {clients} bookings per commit as the group commit batches its {clients} clients: {batchedRaw:0} bookings/s");
Console.WriteLine($"spread bookings as a share of the batched raw limit: {results[1].PerSecond / batchedRaw:P0} (of the unbatched: {results[1].PerSecond / raw:P0})");
Console.WriteLine($"Api peak memory (VmHWM): {peakMb:0} MB");
// The service's own count of what it decided, from /metrics: it should match the table above.
Console.WriteLine("the Api's /metrics at the end:");
foreach (var line in (await http.GetStringAsync("/metrics")).Split('\n').Where(l => l.StartsWith("banan_bookings_total", StringComparison.Ordinal)))
{
    Console.WriteLine("  " + line);
}

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
try
{
    Directory.Delete(folder, recursive: true);
}
catch (IOException)
{
    // Temp files; harmless.
}

return results.Any(r => r.Oversells > 0 || r.Errors > 0) ? 1 : 0;

static async Task<HttpStatusCode> Book(HttpClient http, AuthenticationHeaderValue token, object body)
{
    // Serialized up front where it matters (see Json()), so the load generator spends its share of the two
    // cores on sending, not on building bodies.
    var content = new ByteArrayContent(body as byte[] ?? JsonSerializer.SerializeToUtf8Bytes(body, Shared.JsonOptions));
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    using var request = new HttpRequestMessage(HttpMethod.Post, Shared.BookingsUri) { Content = content };
    request.Headers.Authorization = token;
    using var response = await http.SendAsync(request);
    await response.Content.LoadIntoBufferAsync();
    return response.StatusCode;
}

static async Task<HttpStatusCode> Get(HttpClient http, string url)
{
    using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
    await response.Content.LoadIntoBufferAsync();
    return response.StatusCode;
}

static object Contact() => new { name = "压测游客", phone = "13800138000" };

static byte[] Json(object body) => JsonSerializer.SerializeToUtf8Bytes(body, Shared.JsonOptions);

static AppDbContext Db(string path)
{
    var options = new DbContextOptionsBuilder<AppDbContext>();
    DependencyInjection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path}");
    return new AppDbContext(options.Options);
}

static string Build() =>
#if DEBUG
    "Debug (use -c Release for real figures)";
#else
    "Release";
#endif

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
