using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Benchmarks;

/// <summary><c>--reports</c>: generates years of district history with the Api's own
/// <c>--generate-history</c>, then times the year report by month and township and checks the article's
/// 2020 figures for 云林天乡.</summary>
public static class ReportBenchmark
{
    /// <param name="reuse">A database an earlier run generated (its path is printed), to time the reports again
    /// without generating the history again.</param>
    public static async Task<int> RunAsync(int years, string? reuse = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "banan-bench-reports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = reuse ?? Path.Combine(folder, "banan.db");
        var dll = typeof(BananTourism.Api.Hosting.ErrorResults).Assembly.Location;
        if (reuse is null)
        {
            await GenerateAsync(dll, db, years);
        }

        return await TimeReportsAsync(db, years);
    }

    private static async Task GenerateAsync(string dll, string db, int years)
    {
        var generate = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false };
        foreach (var a in new[] { dll, "--generate-history", years.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__BananTourism"] = $"Data Source={db}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__BananTourism.Maintenance"] = "Information";
        using (var process = Process.Start(start)!)
        {
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"--generate-history failed with {process.ExitCode}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"history of {years} years generated in {generate.Elapsed.TotalSeconds:0} s into {db} ({new FileInfo(db).Length / 1_048_576} MB)"));
    }

    private static async Task<int> TimeReportsAsync(string db, int years)
    {
        await using var api = await ApiProcess.StartAsync(db);
        using var http = api.CreateClient();
        var login = JsonNode.Parse(await (await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "admin@banan.local", password = "Banan#2026" })).Content.ReadAsStringAsync())!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["accessToken"]!.GetValue<string>());

        var yunlin = JsonNode.Parse(await http.GetStringAsync($"/api/v1/venues?q={Uri.EscapeDataString("云林天乡")}"))!["items"]![0]!["id"]!.GetValue<string>();
        var year2020 = JsonNode.Parse(await http.GetStringAsync($"/api/v1/reports/visitors?from=2020-01-01&to=2020-12-31&groupBy=year&venueId={yunlin}"))!["totals"]!;
        Console.WriteLine($"云林天乡 2020: {year2020["visitors"]} visitors, {year2020["revenue"]!["amount"]} fen");

        var last = new DateOnly(2020 + years - 1, 12, 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var url = $"/api/v1/reports/visitors?from=2020-01-01&to={last}&groupBy=month&by=township";
        var timings = new List<double>();
        for (var i = 0; i < 220; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
            await response.Content.LoadIntoBufferAsync();
            if (i >= 20)
            {
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        timings.Sort();
        double P(double p) => timings[(int)Math.Ceiling(p * timings.Count) - 1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"report 2020-01-01..{last} by month and township, 200 requests after 20 warm-up: p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms"));
        var ok = year2020["visitors"]!.GetValue<int>() == 500_000 && year2020["revenue"]!["amount"]!.GetValue<long>() == 1_300_000_000;
        return ok ? 0 : 1;
    }
}
