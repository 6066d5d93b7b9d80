using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace BananTourism.Benchmarks;

public sealed record Scenario(string Name, int Requests, int Created, int Refused, int Errors, double PerSecond, double P50, double P95, double P99, int Oversells)
{
    /// <summary>CPU milliseconds per request spent by the Api and by this load generator.</summary>
    public (double Api, double Generator) CpuMsPerRequest { get; init; }

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Requests} | {Created} | {Refused} | {Errors} | {PerSecond:0} | {P50:0.0} | {P95:0.0} | {P99:0.0} | {Oversells} | {CpuMsPerRequest.Api:0.00} | {CpuMsPerRequest.Generator:0.00} |");
}

public static class Load
{
    /// <summary>Sends <paramref name="requests"/> requests from <paramref name="clients"/> concurrent workers
    /// and measures each request's latency. 2xx counts as ok, 409 as refused, anything else as an error.</summary>
    public static async Task<Scenario> RunAsync(string name, int requests, int clients, Func<int, Task<HttpStatusCode>> send, Func<TimeSpan>? apiCpu = null)
    {
        var apiBefore = apiCpu?.Invoke() ?? TimeSpan.Zero;
        var selfBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var latencies = new double[requests];
        var statuses = new HttpStatusCode[requests];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    statuses[i] = await send(i);
                }
                catch (HttpRequestException)
                {
                    statuses[i] = 0;
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var apiMs = ((apiCpu?.Invoke() ?? TimeSpan.Zero) - apiBefore).TotalMilliseconds / requests;
        var selfMs = (Process.GetCurrentProcess().TotalProcessorTime - selfBefore).TotalMilliseconds / requests;
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        var ok = statuses.Count(s => (int)s is >= 200 and < 300);
        var refused = statuses.Count(s => s == HttpStatusCode.Conflict);
        var unexpected = string.Join(", ", statuses.Where(s => (int)s is < 200 or >= 300 && s != HttpStatusCode.Conflict)
            .GroupBy(s => (int)s).Select(g => $"{g.Count()}× {(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {requests} in {seconds:0.0} s{(unexpected.Length > 0 ? "; errors: " + unexpected : "")}"));
        return new Scenario(name, requests, ok, refused, requests - ok - refused, ok / seconds, Percentile(0.50), Percentile(0.95), Percentile(0.99), 0)
        {
            CpuMsPerRequest = (apiMs, selfMs),
        };
    }
}
