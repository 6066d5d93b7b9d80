using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Benchmarks;

/// <summary><c>--today</c>: a township of 50 venues (the demo's 二圣镇 filled up with new ones, each with a session
/// today), years of history from <c>--generate-history</c>, then: today's board p50/p95 for the township, and the CPU
/// 200 open, idle streams cost the Api over 30 s.</summary>
public static class TodayBenchmark
{
    private const int Venues = 50;
    private const int Streams = 200;

    public static async Task<int> RunAsync(int years)
    {
        var folder = Path.Combine(Path.GetTempPath(), "banan-bench-today-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, "banan.db");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        string township;
        await using (var setup = await ApiProcess.StartAsync(db))
        {
            township = await FillTownshipAsync(setup, today);
        }

        var generate = Stopwatch.StartNew();
        await GenerateHistoryAsync(db, years);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"history of {years} years in {generate.Elapsed.TotalSeconds:0} s ({new FileInfo(db).Length / 1_048_576} MB)"));

        await using var api = await ApiProcess.StartAsync(db);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = api.Address, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "officer.ersheng@banan.local"));
        var board = JsonNode.Parse(await http.GetStringAsync($"/api/v1/reports/today?townshipId={township}"))!;
        Console.WriteLine($"today for the township: {board["venues"]!.AsArray().Count} venues");

        var timings = new List<double>();
        for (var i = 0; i < 520; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri($"/api/v1/reports/today?townshipId={township}", UriKind.Relative));
            await response.Content.LoadIntoBufferAsync();
            response.EnsureSuccessStatusCode();
            if (i >= 20)
            {
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GET /api/v1/reports/today (50 venues, 500 sequential): p50 {Percentile(timings, 0.50):0.0} ms, p95 {Percentile(timings, 0.95):0.0} ms, p99 {Percentile(timings, 0.99):0.0} ms"));

        // What the Api costs idle (its watcher, sweeps and dispatcher polling), then with 200 streams open and idle.
        var pid = await PidAsync(api);
        var baseline = await CpuShareAsync(pid, TimeSpan.FromSeconds(30));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle, no streams, 30 s: the Api used {baseline * 100:0.00}% of one core"));
        using var cancel = new CancellationTokenSource();
        var open = new List<Task>();
        for (var i = 0; i < Streams; i++)
        {
            open.Add(HoldStreamAsync(http, township, cancel.Token));
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var withStreams = await CpuShareAsync(pid, TimeSpan.FromSeconds(30));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Streams} idle streams, 30 s: the Api used {withStreams * 100:0.00}% of one core ({(withStreams - baseline) * 100:+0.00;-0.00}% for the streams)"));
        await cancel.CancelAsync();
        await Task.WhenAll(open.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        return 0;
    }

    private static async Task HoldStreamAsync(HttpClient http, string township, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri($"/api/v1/reports/today/stream?townshipId={township}", UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[8192];
        while (await body.ReadAsync(buffer, ct) > 0)
        {
        }
    }

    /// <summary>二圣镇 up to 50 venues: new ones in 幸福村 with a time-slot offering and a session today.</summary>
    private static async Task<string> FillTownshipAsync(ApiProcess api, string today)
    {
        using var http = api.CreateClient();
        var townships = JsonNode.Parse(await http.GetStringAsync("/api/v1/townships"))!.AsArray();
        var ersheng = townships.Single(t => t!["name"]!.GetValue<string>() == "二圣镇")!;
        var village = ersheng["villages"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "幸福村")!["id"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "officer.ersheng@banan.local"));
        var existing = JsonNode.Parse(await http.GetStringAsync("/api/v1/reports/today"))!["venues"]!.AsArray().Count;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "operator.rose@banan.local"));
        for (var i = existing; i < Venues; i++)
        {
            var venue = await PostAsync(http, "/api/v1/operator/venues",
                $$"""{"name":"幸福村果园 {{i}}","description":"采摘","villageId":"{{village}}","categories":["picking"],"dailyCap":{{300 + i * 10}}}""");
            var offering = await PostAsync(http, $"/api/v1/operator/venues/{venue}/offerings",
                """{"name":"果园采摘","description":"","kind":"timeSlot","category":"picking","prices":{"adult":{"amount":3800,"currency":"CNY"}},"maxParty":8,"cancellationPolicy":{"freeUntilHoursBefore":24,"refundPercentAfter":50},"published":true}""");
            (await http.PostAsJsonAsync($"/api/v1/operator/offerings/{offering}/schedule",
                new { from = today, to = today, times = new[] { new { start = "09:00", end = "11:00" }, new { start = "14:00", end = "16:00" } }, capacity = 40 })).EnsureSuccessStatusCode();
        }

        return ersheng["id"]!.GetValue<string>();
    }

    private static async Task<string> PostAsync(HttpClient http, string url, string json)
    {
        var response = await http.PostAsync(new Uri(url, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private static async Task<string> TokenAsync(HttpClient http, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password = "Banan#2026" }) };
        var login = JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!;
        return login["accessToken"]!.GetValue<string>();
    }

    private static async Task GenerateHistoryAsync(string db, int years)
    {
        var dll = typeof(BananTourism.Api.Hosting.ErrorResults).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false };
        foreach (var a in new[] { dll, "--generate-history", years.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__BananTourism"] = $"Data Source={db}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"--generate-history failed with {process.ExitCode}");
        }
    }

    /// <summary>The Api's process id: the one listening on its port (ApiProcess runs it as a child of dotnet).</summary>
    private static async Task<int> PidAsync(ApiProcess api)
    {
        var port = api.Address.Port.ToString(CultureInfo.InvariantCulture);
        var find = Process.Start(new ProcessStartInfo("pgrep", $"-f \"127.0.0.1:{port}\"") { RedirectStandardOutput = true })!;
        var output = await find.StandardOutput.ReadToEndAsync();
        await find.WaitForExitAsync();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Min();
    }

    private static async Task<double> CpuShareAsync(int pid, TimeSpan over)
    {
        var (before, started) = (CpuSeconds(pid), Stopwatch.GetTimestamp());
        await Task.Delay(over);
        return (CpuSeconds(pid) - before) / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>User and system CPU seconds of a process, from /proc.</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
