using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BananTourism.Api.IntegrationTests.Support;

namespace BananTourism.Api.IntegrationTests;

/// <summary>The README's first command on an empty database (issue 17): ready in seconds, with last year on the
/// officer's dashboard — the demo history fills in the background while the service already answers. Alone, not beside
/// the other tests: the start-up time is the figure under test.</summary>
[Collection(nameof(FreshStartTests))]
public sealed class FreshStartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "banan-fresh-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFreshStart_IsReadyInTenSeconds_AndTheDashboardHasLastYear()
    {
        Directory.CreateDirectory(_folder);
        var started = Stopwatch.StartNew();
        await using var api = await ApiProcess.StartAsync(Path.Combine(_folder, "banan.db"), new Dictionary<string, string>
        {
            ["DemoData__HistoryYears"] = "1",
            ["Logging__LogLevel__BananTourism.Infrastructure.Seeding"] = "Information",
        });
        var ready = started.Elapsed;
        var work = api.CpuTime();
        TestContext.Current.TestOutputHelper?.WriteLine($"ready after {ready.TotalMilliseconds:F0} ms, {work.TotalMilliseconds:F0} ms of CPU");
        // Ready in 10 s on this machine (4–6 s measured alone). The whole suite runs test assemblies side by side on two
        // cores, which can stretch the wall clock of any start-up: then the start must still have cost the process no
        // more than 10 s of CPU (a synchronous history fill costs 40 s and more) and have answered within 30 s.
        Assert.True(ready <= TimeSpan.FromSeconds(10) || (work <= TimeSpan.FromSeconds(10) && ready <= TimeSpan.FromSeconds(30)),
            $"ready after {ready}, {work} of CPU");

        using var officer = api.CreateClient();
        var login = await (await officer.PostAsJsonAsync("/api/v1/auth/login", new { email = "officer.ersheng@banan.local", password = "Banan#2026" }, Ct))
            .Content.ReadFromJsonAsync<JsonObject>(Ct);
        officer.DefaultRequestHeaders.Authorization = new("Bearer", login!["accessToken"]!.GetValue<string>());

        // Last January is written first, within a second or two of the start; the rest of the year follows.
        var lastYear = DateTime.UtcNow.AddHours(8).Year - 1;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonNode? totals = null;
        while (DateTime.UtcNow < deadline)
        {
            var answer = await officer.GetAsync($"/api/v1/reports/visitors?from={lastYear}-01-01&to={lastYear}-12-31&groupBy=month", Ct);
            Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync(Ct)}");
            totals = (await answer.Content.ReadFromJsonAsync<JsonObject>(Ct))!["totals"];
            if (totals!["visitors"]!.GetValue<int>() > 0)
            {
                break;
            }

            await Task.Delay(250, Ct);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"last year after {started.Elapsed.TotalMilliseconds:F0} ms: {totals}");
        Assert.True(totals!["visitors"]!.GetValue<int>() > 0, $"{lastYear} is still empty after 30 s");
        Assert.True(totals["checkedIn"]!.GetValue<int>() > 0 && totals["walkIns"]!.GetValue<int>() > 0);
        Assert.True(totals["revenue"]!["amount"]!.GetValue<long>() > 0);

        // Meanwhile the service takes bookings as usual: the fill commits a run of days at a time.
        using var tourist = api.CreateClient();
        var email = $"t-{Guid.NewGuid():N}@example.cn";
        Assert.True((await tourist.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Booker.TouristPassword, displayName = "新游客" }, Ct)).IsSuccessStatusCode);
        var token = (await (await tourist.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Booker.TouristPassword }, Ct)).ReadJsonAsync()).Get<string>("accessToken");
        tourist.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await Booker.VerifyPhoneAsync(tourist, api.PickupDirectory, Booker.NewPhone());
        var roses = await tourist.OfferingIdAsync("玫瑰采摘");
        var nextWeek = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var booking = Stopwatch.StartNew();
        await tourist.BookOkAsync(Booker.SlotBooking(roses, await tourist.SlotIdAsync(roses, nextWeek), adults: 2));
        TestContext.Current.TestOutputHelper?.WriteLine($"a booking during the fill: {booking.ElapsedMilliseconds} ms");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the killed process; the temp folder is cleaned by the OS.
        }
    }
}

[CollectionDefinition(nameof(FreshStartTests), DisableParallelization = true)]
public sealed class FreshStartCollection;
