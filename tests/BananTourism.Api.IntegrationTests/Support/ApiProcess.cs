using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BananTourism.Api.IntegrationTests.Support;

/// <summary>The Api as a separate operating-system process on a loopback port, for tests that need several
/// instances sharing one database.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri address, string pickupDirectory)
    {
        _process = process;
        Address = address;
        PickupDirectory = pickupDirectory;
    }

    public Uri Address { get; }

    /// <summary>Where this instance copies the messages it sends (a folder beside the database).</summary>
    public string PickupDirectory { get; }

    public static async Task<ApiProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = typeof(BananTourism.Api.Hosting.ErrorResults).Assembly.Location;
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        // BANAN_API_WRAPPER (profiling with the benchmarks, e.g. "perf record -F 499 -g -o /tmp/api.perf --") runs the
        // Api under another program; tests leave it unset.
        var wrapper = Environment.GetEnvironmentVariable("BANAN_API_WRAPPER")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var start = new ProcessStartInfo(wrapper.Length > 0 ? wrapper[0] : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var part in wrapper.Skip(1).Append("dotnet").Where(_ => wrapper.Length > 0))
        {
            start.ArgumentList.Add(part);
        }

        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__BananTourism"] = $"Data Source={databasePath}";
        start.Environment["RateLimits__AuthPerMinute"] = "100000";
        start.Environment["RateLimits__BookingsPerMinute"] = "100000";
        start.Environment["PhoneVerification__CodesPerAddressPerDay"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var pickup = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, $"outbox-{port}");
        start.Environment["Notifications__PickupDirectory"] = pickup;
        start.Environment["DemoData__HistoryYears"] = "0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, address, pickup);
        await api.WaitUntilReadyAsync();
        return api;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL, as the kernel's OOM killer or a failing node would: no shutdown, nothing flushed.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>CPU time the process has used so far (user + system, Linux /proc), for per-request costs.</summary>
    public TimeSpan CpuTime()
    {
        // Fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s; the command name (field 2) has no spaces here.
        var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(' ');
        var ticks = long.Parse(fields[13], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[14], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>The process's peak resident memory so far (Linux VmHWM), in MB.</summary>
    public double PeakMemoryMb()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && Environment.GetEnvironmentVariable("BANAN_API_WRAPPER") is { Length: > 0 })
        {
            // A profiler wrapping the Api writes its data on SIGINT, not on SIGKILL.
            using (var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed below.
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Api process exited with {_process.ExitCode}.");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The Api process did not become ready within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
