using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Bookings;
using BananTourism.Infrastructure;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Two Api processes on one SQLite file, as two replicas behind a load balancer would share a database.</summary>
public sealed class MultiProcessTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "banan-tests", "multi-" + Guid.NewGuid().ToString("N"));
    private ApiProcess? _first;
    private ApiProcess? _second;

    private string DatabasePath => Path.Combine(_folder, "banan.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _first = await ApiProcess.StartAsync(DatabasePath);   // migrates and seeds
        _second = await ApiProcess.StartAsync(DatabasePath);  // finds both done
    }

    public async ValueTask DisposeAsync()
    {
        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

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

    [Fact]
    public async Task Race_AcrossTwoProcesses_NeverOversells()
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            var instance = i % 2 == 0 ? _first! : _second!;
            clients.Add(await TouristAsync(instance, i % 2 == 0 ? _second! : _first!));
        }

        var anonymous = _first!.CreateClient();
        var roses = await anonymous.OfferingIdAsync("玫瑰采摘");
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(3).ToString("yyyy-MM-dd", null);
        var slot = await anonymous.SlotIdAsync(roses, date);
        await using (var db = Database())
        {
            await db.Slots.Where(s => s.Id == Guid.Parse(slot)).ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, 10), Ct);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 64)
            .Select(i => Task.Run(() => clients[i % clients.Count].BookAsync(Booker.SlotBooking(roses, slot, adults: 1)), Ct)));

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        await using (var db = Database())
        {
            var row = await db.Slots.AsNoTracking().SingleAsync(s => s.Id == Guid.Parse(slot), Ct);
            Assert.Equal(10, row.Reserved);
            Assert.Equal(10, await db.Bookings.Where(b => b.SlotId == row.Id && BookingStatuses.Active.Contains(b.Status)).SumAsync(b => b.Adults, Ct));
        }
    }

    /// <summary>A tourist registered on one instance and signed in on the other: tokens work across replicas.</summary>
    private static async Task<HttpClient> TouristAsync(ApiProcess registerOn, ApiProcess useOn)
    {
        var email = $"t-{Guid.NewGuid():N}@example.cn";
        using var register = registerOn.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await register.PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = "Chongqing2026", displayName = "双实例游客" }, Ct)).StatusCode);
        var login = await (await register.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Chongqing2026" }, Ct)).ReadJsonAsync();
        register.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Get<string>("accessToken"));
        await Booker.VerifyPhoneAsync(register, registerOn.PickupDirectory, Booker.NewPhone());
        var client = useOn.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Get<string>("accessToken"));
        return client;
    }

    private AppDbContext Database()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={DatabasePath}");
        return new AppDbContext(options.Options);
    }
}
