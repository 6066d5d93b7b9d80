using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Notifications;
using BananTourism.Infrastructure;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace BananTourism.Benchmarks;

/// <summary><c>--drain N</c>: how long the dispatcher takes to deliver N queued messages to an SMTP server on loopback
/// (issue 14: 10,000 in under 60 s). The messages are real: N/2 pay-on-arrival bookings are made over HTTP with the
/// dispatcher off (each queues its confirmation, with the .ics and QR attachments, and the operator's notice); then
/// a second Api process starts on the same file with the dispatcher on, and the clock runs from its start until
/// every message that was due has been accepted by the SMTP server.</summary>
internal static class DrainBenchmark
{
    public static async Task<int> RunAsync(int messages)
    {
        var folder = Path.Combine(Path.GetTempPath(), "banan-drain-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var dbPath = Path.Combine(folder, "banan.db");
        var smtp = CountingSmtp.Start();
        var settings = new Dictionary<string, string>
        {
            ["Bookings__MaxUnpaidHolds"] = "1000000",
            ["Bookings__MaxPayOnArrivalPeoplePerDay"] = "1000000",
            ["Notifications__Smtp__Host"] = "127.0.0.1",
            ["Notifications__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications__Smtp__UseTls"] = "false",
            ["Notifications__PickupDirectory"] = "", // SMTP only: the pickup folder is a development aid, not delivery
        };

        await using (var queueing = await ApiProcess.StartAsync(dbPath, new Dictionary<string, string>(settings) { ["Notifications__Dispatch"] = "false" }))
        {
            await QueueAsync(queueing, dbPath, messages / 2);
        }

        int due;
        await using (var db = Db(dbPath))
        {
            var now = DateTimeOffset.UtcNow;
            due = await db.Outbox.CountAsync(m => m.Status == MessageStatus.Pending && m.DueAt <= now);
        }

        Console.WriteLine($"{due} messages queued and due; starting an Api with its dispatcher on (workers: default)");
        var clock = Stopwatch.StartNew();
        await using var sending = await ApiProcess.StartAsync(dbPath, settings);
        var ready = clock.Elapsed;
        var deadline = TimeSpan.FromMinutes(5);
        while (smtp.Count < due && clock.Elapsed < deadline)
        {
            await Task.Delay(100);
        }

        var drained = clock.Elapsed;
        var cpu = sending.CpuTime();
        await using (var db = Db(dbPath))
        {
            var now = DateTimeOffset.UtcNow;
            var left = await db.Outbox.CountAsync(m => m.Status == MessageStatus.Pending && m.DueAt <= now);
            var failed = await db.Outbox.CountAsync(m => m.Status == MessageStatus.Failed);
            Console.WriteLine();
            Console.WriteLine("| messages due | accepted by SMTP | seconds (from process start) | of which startup | messages/s | Api CPU ms/message | still pending | failed |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {due} | {smtp.Count} | {drained.TotalSeconds:0.0} | {ready.TotalSeconds:0.0} | {smtp.Count / drained.TotalSeconds:0} | {cpu.TotalMilliseconds / Math.Max(1, smtp.Count):0.00} | {left} | {failed} |"));
        }

        await smtp.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Temp files; harmless.
        }

        return smtp.Count >= due ? 0 : 1;
    }

    /// <summary>Makes <paramref name="bookings"/> pay-on-arrival bookings spread over the demo catalog's sessions.</summary>
    private static async Task QueueAsync(ApiProcess api, string dbPath, int bookings)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = api.Address };
        var tourists = new List<AuthenticationHeaderValue>();
        for (var i = 0; i < 16; i++)
        {
            var email = $"drain-{i}-{Guid.NewGuid():N}@example.cn";
            (await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "Chongqing2026", displayName = "投递压测" })).EnsureSuccessStatusCode();
            var login = JsonNode.Parse(await (await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Chongqing2026" })).Content.ReadAsStringAsync())!;
            tourists.Add(new AuthenticationHeaderValue("Bearer", login["accessToken"]!.GetValue<string>()));
        }

        await using (var db = Db(dbPath))
        {
            await db.Slots.ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, 1_000_000));
            await db.Venues.ExecuteUpdateAsync(v => v.SetProperty(x => x.DailyCap, (int?)null));
            await db.Database.ExecuteSqlRawAsync("UPDATE Offerings SET PayOnArrivalAllowed = 1, PayOnArrivalMaxPeople = NULL");
            await db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.PhoneVerifiedAt, DateTimeOffset.UtcNow));
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var slots = new List<(string Offering, string Slot)>();
        foreach (var offering in JsonNode.Parse(await http.GetStringAsync("/api/v1/offerings?pageSize=100"))!["items"]!.AsArray()
                     .Where(o => o!["kind"]!.GetValue<string>() == "timeSlot"))
        {
            var id = offering!["id"]!.GetValue<string>();
            var availability = JsonNode.Parse(await http.GetStringAsync($"/api/v1/offerings/{id}/availability?from={today.AddDays(2):yyyy-MM-dd}&to={today.AddDays(59):yyyy-MM-dd}"))!;
            slots.AddRange(availability["slots"]!.AsArray().Select(s => (id, s!["id"]!.GetValue<string>())));
        }

        var random = new Random(11);
        var bodies = Enumerable.Range(0, bookings).Select(_ =>
        {
            var (offering, slot) = slots[random.Next(slots.Count)];
            return JsonSerializer.SerializeToUtf8Bytes(new
            {
                offeringId = offering, slotId = slot, adults = 2, children = 0,
                contact = new { name = "投递压测", phone = "13800138000" }, paymentMethod = "payOnArrival",
            }, Shared.JsonOptions);
        }).ToArray();
        var made = await Load.RunAsync("bookings that queue the messages (not the measure)", bookings, 16, async i =>
        {
            var content = new ByteArrayContent(bodies[i]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, Shared.BookingsUri) { Content = content };
            request.Headers.Authorization = tourists[i % tourists.Count];
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        });
        Console.WriteLine(made.Row());
    }

    private static AppDbContext Db(string path)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path}");
        return new AppDbContext(options.Options);
    }

    /// <summary>An SMTP server on loopback that accepts every message and only counts it (parsing would take the
    /// dispatcher's CPU on these two shared cores).</summary>
    private sealed class CountingSmtp : MessageStore, IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _running = Task.CompletedTask;
        private int _count;

        public int Port { get; private init; }

        public int Count => Volatile.Read(ref _count);

        public static CountingSmtp Start()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var store = new CountingSmtp { Port = port };
            var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Port(port).IsSecure(false)).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(store);
            services.Add((SmtpServer.Net.IEndpointListenerFactory)new NoDelayListenerFactory());
            store._running = new SmtpServer.SmtpServer(options, services).StartAsync(store._stop.Token);
            return store;
        }

        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(SmtpResponse.Ok);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
                // stopped
            }

            _stop.Dispose();
        }
    }
}
