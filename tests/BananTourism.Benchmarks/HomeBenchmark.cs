using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Benchmarks;

/// <summary><c>--home</c>: the tourists' home page with 12 photo cards (issue 18: ≥ 500 pages/s here). Twelve offerings
/// get a photo (uploaded through the API by their operators, re-encoded by the server) and a season line; then the
/// page is fetched by concurrent clients, and the cards' thumbnails the way browsers do: once, then revalidated with
/// their ETag (304, no bytes). 3,000 pages of warm-up first, not counted.</summary>
internal static class HomeBenchmark
{
    private static readonly string[] Operators =
        ["operator.rose@banan.local", "operator.daxia@banan.local", "operator.huangjinlin@banan.local", "operator.tangwan@banan.local", "operator.nongjiale@banan.local"];

    public static async Task<int> RunAsync(int clients, int requests)
    {
        var folder = Path.Combine(Path.GetTempPath(), "banan-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var api = await ApiProcess.StartAsync(Path.Combine(folder, "banan.db"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = api.Address };

        var photo = TestImages.Png(1600, 1200);
        var thumbs = new List<string>();
        foreach (var email in Operators)
        {
            var login = await (await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Banan#2026" })).Content.ReadFromJsonAsync<JsonObject>();
            var token = new AuthenticationHeaderValue("Bearer", login!["accessToken"]!.GetValue<string>());
            foreach (var venue in await GetArrayAsync(http, token, "/api/v1/operator/venues"))
            {
                foreach (var offering in await GetArrayAsync(http, token, $"/api/v1/operator/venues/{venue!["id"]}/offerings"))
                {
                    if (thumbs.Count == 12)
                    {
                        break;
                    }

                    using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/operator/offerings/{offering!["id"]}/photos") { Content = TestImages.Form(photo, "cover.png", "image/png") };
                    upload.Headers.Authorization = token;
                    var uploaded = await (await http.SendAsync(upload)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
                    thumbs.Add(uploaded!["thumbUrl"]!.GetValue<string>());
                    using var season = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/operator/offerings/{offering!["id"]}/season")
                    {
                        Content = JsonContent.Create(new { status = "peak", note = "正当时" }),
                    };
                    season.Headers.Authorization = token;
                    (await http.SendAsync(season)).EnsureSuccessStatusCode();
                }
            }
        }

        var home = await http.GetStringAsync("/");
        var cards = thumbs.Count(t => home.Contains(t, StringComparison.Ordinal));
        Console.WriteLine($"home page: {home.Length / 1024} kB of HTML, {cards} cards with a photo, {thumbs.Count} photos uploaded");

        var etags = new Dictionary<string, EntityTagHeaderValue>();
        foreach (var thumb in thumbs)
        {
            using var first = await http.GetAsync(thumb);
            etags[thumb] = first.Headers.ETag!;
        }

        // Warm-up, not counted: the JIT's second tier compiles the hot paths during the first few thousand pages.
        await Load.RunAsync("warm-up", 3_000, clients, _ => GetAsync(http, "/"));
        var results = new List<Scenario>
        {
            await Load.RunAsync("home web page, 12 photo cards", requests, clients, _ => GetAsync(http, "/"), api.CpuTime),
            await Load.RunAsync("card thumbnails, first fetch (image bytes)", requests, clients, i => GetAsync(http, thumbs[i % thumbs.Count]), api.CpuTime),
            await Load.RunAsync("card thumbnails, revalidated (304)", requests, clients, i => RevalidateAsync(http, thumbs[i % thumbs.Count], etags[thumbs[i % thumbs.Count]]), api.CpuTime),
        };

        Console.WriteLine();
        Console.WriteLine("| scenario | requests | ok | refused | errors | ok per second | p50 ms | p95 ms | p99 ms | oversells | Api CPU ms/request | generator CPU ms/request |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(r.Row());
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Api peak memory (VmHWM): {api.PeakMemoryMb():0} MB"));
        return results.Any(r => r.Errors > 0) || cards < 12 ? 1 : 0;
    }

    private static async Task<JsonArray> GetArrayAsync(HttpClient http, AuthenticationHeaderValue token, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = token;
        return (await (await http.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonArray>())!;
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        await response.Content.LoadIntoBufferAsync();
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> RevalidateAsync(HttpClient http, string url, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.NotModified ? HttpStatusCode.OK : response.StatusCode;
    }
}
