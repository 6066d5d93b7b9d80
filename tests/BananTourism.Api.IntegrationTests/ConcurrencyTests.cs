using System.Net;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Bookings;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Many clients racing for the last places through the real Api (pretix-style), with a negative
/// control that shows the race is real when the guard is a read-check-write.</summary>
public class ConcurrencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _anonymous = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Race_64ClientsForASlotOf10_ExactlyTenGetIn()
    {
        var tourists = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.NewTouristAsync()));
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var slot = await _anonymous.SlotIdAsync(roses, "2026-10-16");
        await api.SetSlotCapacityAsync(slot, 10);

        var answers = await Task.WhenAll(Enumerable.Range(0, 64)
            .Select(i => Task.Run(() => tourists[i % tourists.Length].BookAsync(Booker.SlotBooking(roses, slot, adults: 1)), Ct)));

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "sold_out");
        }

        Assert.Equal((10, 10), await api.SlotAsync(slot));
        Assert.Equal(10, await ActivePeopleAsync(Guid.Parse(slot)));
    }

    [Fact]
    public async Task Race_OverlappingStays_NeverExceedAnyNight()
    {
        var tourists = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.NewTouristAsync()));
        var rooms = await _anonymous.OfferingIdAsync("果园客房");
        var first = new DateOnly(2026, 10, 19);
        await api.WithDbAsync(db => db.Nights.Where(n => n.OfferingId == Guid.Parse(rooms) && n.Date >= first && n.Date < first.AddDays(4))
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.Units, 3), Ct));

        var random = new Random(2026);
        var requests = Enumerable.Range(0, 48).Select(i =>
        {
            var from = random.Next(0, 4);
            var to = random.Next(from + 1, 5);
            var units = random.Next(1, 3);
            return Booker.StayBooking(rooms, first.AddDays(from).ToString("yyyy-MM-dd", null), first.AddDays(to).ToString("yyyy-MM-dd", null), units);
        }).ToList();
        var answers = await Task.WhenAll(requests.Select((r, i) => Task.Run(() => tourists[i % tourists.Length].BookAsync(r), Ct)));

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));

        await api.WithDbAsync(async db =>
        {
            var active = await db.Bookings.AsNoTracking()
                .Where(b => b.OfferingId == Guid.Parse(rooms) && BookingStatuses.Active.Contains(b.Status))
                .ToListAsync(Ct);
            for (var night = first; night < first.AddDays(4); night = night.AddDays(1))
            {
                var row = await db.Nights.AsNoTracking().SingleAsync(n => n.OfferingId == Guid.Parse(rooms) && n.Date == night, Ct);
                var held = active.Where(b => b.Date <= night && night < b.EndDate).Sum(b => b.Units!.Value);
                Assert.True(row.Reserved <= row.Units, $"{night}: {row.Reserved} of {row.Units}");
                Assert.Equal(held, row.Reserved);
            }

            return 0;
        });
    }

    [Fact]
    public async Task NegativeControl_ReadCheckWriteOversells_TheConditionalUpdateDoesNot()
    {
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var naiveSlot = Guid.Parse(await _anonymous.SlotIdAsync(roses, "2026-10-17"));
        var guardedSlot = Guid.Parse(await _anonymous.SlotIdAsync(roses, "2026-10-17", "14:00"));
        await api.SetSlotCapacityAsync(naiveSlot.ToString(), 10);
        await api.SetSlotCapacityAsync(guardedSlot.ToString(), 10);

        // Everyone reads the count before anyone writes: what concurrent requests do when they arrive together.
        var naive = await RaceAsync(32, async (db, readAll) =>
        {
            var reserved = await db.Slots.Where(s => s.Id == naiveSlot).Select(s => s.Reserved).SingleAsync(Ct);
            await readAll();
            if (reserved + 1 > 10)
            {
                return false;
            }

            await db.Slots.Where(s => s.Id == naiveSlot).ExecuteUpdateAsync(s => s.SetProperty(x => x.Reserved, reserved + 1), Ct);
            return true;
        });
        Assert.True(naive > 10, $"The naive guard let {naive} through; the race is real only if more than 10 do.");

        var guarded = await RaceAsync(32, async (db, readAll) =>
        {
            await readAll();
            return await db.Slots.Where(s => s.Id == guardedSlot && s.Reserved + 1 <= s.Capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reserved, x => x.Reserved + 1), Ct) == 1;
        });
        Assert.Equal(10, guarded);
        Assert.Equal((10, 10), await api.SlotAsync(guardedSlot.ToString()));
    }

    /// <summary>Runs <paramref name="clients"/> attempts at once, each with its own DbContext; an attempt calls
    /// the gate it is given once it has read, and waits there until all have. Returns how many succeeded.</summary>
    private async Task<int> RaceAsync(int clients, Func<AppDbContext, Func<Task>, Task<bool>> attempt)
    {
        var arrived = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task ReadAll()
        {
            if (Interlocked.Increment(ref arrived) == clients)
            {
                gate.SetResult();
            }

            return gate.Task;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            return await attempt(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ReadAll);
        }, Ct)));
        return results.Count(ok => ok);
    }

    private Task<int> ActivePeopleAsync(Guid slotId) =>
        api.WithDbAsync(db => db.Bookings.Where(b => b.SlotId == slotId && BookingStatuses.Active.Contains(b.Status))
            .SumAsync(b => b.Adults + b.Children, Ct));
}
