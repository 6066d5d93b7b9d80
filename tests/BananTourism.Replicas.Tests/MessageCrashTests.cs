using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Notifications;
using BananTourism.Infrastructure;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Replicas.Tests;

/// <summary>A message committed with its booking survives the process that queued it (issue 14): the Api is
/// killed with SIGKILL after the booking's transaction and before any send, and the next process delivers it.</summary>
[Collection(ReplicaCollection.Name)] // one set of Api processes at a time on two cores
public sealed class MessageCrashTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "banan-tests", "crash-" + Guid.NewGuid().ToString("N"));
    private FakeSmtp _smtp = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_folder, "banan.db");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _smtp = FakeSmtp.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
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
    public async Task KilledBetweenCommitAndSend_TheNextProcessDeliversTheConfirmation_Once()
    {
        // The first process commits bookings but never sends: its dispatcher is off, as if it died on the way.
        var first = await ApiProcess.StartAsync(DatabasePath, Settings(dispatch: false));
        Guid bookingId;
        string code;
        await using (first)
        {
            var token = await ReplicaSet.TouristTokenAsync(first);
            using var tourist = ReplicaSet.Client(first, token);
            using var anonymous = first.CreateClient();
            var roses = await anonymous.OfferingIdAsync("玫瑰采摘");
            var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await anonymous.SlotIdAsync(roses, ReplicaSet.Day(9), "14:00"), adults: 2));
            bookingId = Guid.Parse(booking.Get<string>("id"));
            code = booking.Get<string>("verificationCode");
            await first.KillAsync();
        }

        await using (var db = Database())
        {
            var queued = await db.Outbox.AsNoTracking().Where(m => m.BookingId == bookingId && m.Template != "reminder").ToListAsync(Ct);
            Assert.Equal(2, queued.Count); // the confirmation and the operator's notice
            Assert.All(queued, m => Assert.Equal(MessageStatus.Pending, m.Status));
        }

        Assert.Empty(_smtp.Received);
        await using var second = await ApiProcess.StartAsync(DatabasePath, Settings(dispatch: true));
        var arrived = await _smtp.WaitForAsync(2, seconds: 30);
        var confirmation = Assert.Single(arrived, m => (m.Subject ?? "").Contains(code, StringComparison.Ordinal));
        Assert.Contains(code, confirmation.TextBody, StringComparison.Ordinal);

        // Nothing more comes: once each.
        await Task.Delay(1000, Ct);
        Assert.Equal(2, _smtp.Received.Count);
        await using (var db = Database())
        {
            Assert.All(await db.Outbox.AsNoTracking().Where(m => m.BookingId == bookingId && m.Template != "reminder").ToListAsync(Ct),
                m => Assert.Equal(MessageStatus.Sent, m.Status));
        }
    }

    private Dictionary<string, string> Settings(bool dispatch) => new()
    {
        ["Notifications__Dispatch"] = dispatch ? "true" : "false",
        ["Notifications__Smtp__Host"] = "127.0.0.1",
        ["Notifications__Smtp__Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications__Smtp__UseTls"] = "false",
        ["Notifications__DispatchIntervalMilliseconds"] = "200",
    };

    private AppDbContext Database()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={DatabasePath}");
        return new AppDbContext(options.Options);
    }
}
