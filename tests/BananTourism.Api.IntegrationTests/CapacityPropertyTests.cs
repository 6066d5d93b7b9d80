using System.Net;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Bookings;
using CsCheck;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Random sequences of book / cancel / expire against one slot: the database's count always equals the
/// people in active bookings, never exceeds capacity, and every answer matches a simple model.</summary>
public class CapacityPropertyTests(CapacityPropertyTests.PropertyFactory api) : IClassFixture<CapacityPropertyTests.PropertyFactory>
{
    private const int Capacity = 6;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _anonymous = api.CreateClient();
    private int _nextSlot;

    public enum Kind
    {
        Book,
        Cancel,
        Expire,
    }

    public sealed record Op(Kind Kind, int People, bool Online, int Pick);

    [Fact]
    public async Task CapacityInvariant_HoldsOverRandomBookCancelExpire()
    {
        var tourist = await api.NewTouristAsync();
        var offering = await _anonymous.OfferingIdAsync("滨湖花海观光");
        var slots = new List<string>();
        foreach (var day in Enumerable.Range(30, 28))
        {
            var date = new DateOnly(2026, 9, 21).AddDays(day).ToString("yyyy-MM-dd", null);
            slots.Add(await _anonymous.SlotIdAsync(offering, date, "09:00"));
            slots.Add(await _anonymous.SlotIdAsync(offering, date, "13:00"));
        }

        var ops = Gen.Select(Gen.Enum<Kind>(), Gen.Int[1, 4], Gen.Bool, Gen.Int[0, 9], (k, n, online, pick) => new Op(k, n, online, pick)).Array[1, 16];
        await ops.SampleAsync(async sequence =>
        {
            var slot = slots[Interlocked.Increment(ref _nextSlot) % slots.Count];
            await api.WithDbAsync(db => db.Slots.Where(s => s.Id == Guid.Parse(slot))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, Capacity), Ct));
            await RunAsync(tourist, offering, slot, sequence);
        }, iter: 40, threads: 1);
    }

    private async Task RunAsync(HttpClient tourist, string offering, string slot, Op[] sequence)
    {
        // The model: what is active on this slot (booking id → people, held?).
        var active = (await ActiveAsync(slot)).ToDictionary(b => b.Id, b => (b.People, b.Held));
        foreach (var op in sequence)
        {
            switch (op.Kind)
            {
                case Kind.Book:
                {
                    var response = await tourist.BookAsync(Booker.SlotBooking(offering, slot, adults: op.People, paymentMethod: op.Online ? "card" : "payOnArrival"));
                    var fits = active.Values.Sum(b => b.People) + op.People <= Capacity;
                    Assert.Equal(fits ? HttpStatusCode.Created : HttpStatusCode.Conflict, response.StatusCode);
                    if (fits)
                    {
                        active[Guid.Parse((await response.ReadJsonAsync()).Get<string>("id"))] = (op.People, op.Online);
                    }

                    break;
                }

                case Kind.Cancel when active.Count > 0:
                {
                    var id = active.Keys.OrderBy(k => k).ElementAt(op.Pick % active.Count);
                    Assert.Equal(HttpStatusCode.OK, (await tourist.PostAsync($"/api/v1/bookings/{id}/cancel", null, Ct)).StatusCode);
                    active.Remove(id);
                    break;
                }

                case Kind.Expire:
                    api.Clock.Advance(TimeSpan.FromMinutes(1.1));
                    await api.ExpireHoldsAsync();
                    foreach (var held in active.Where(b => b.Value.Held).Select(b => b.Key).ToList())
                    {
                        active.Remove(held);
                    }

                    break;
            }

            var (capacity, reserved) = await api.SlotAsync(slot);
            var inDatabase = await ActiveAsync(slot);
            Assert.True(reserved <= capacity, $"reserved {reserved} > capacity {capacity}");
            Assert.Equal(active.Values.Sum(b => b.People), reserved);
            Assert.Equal(reserved, inDatabase.Sum(b => b.People));
            Assert.Equal(active.Keys.Order(), inDatabase.Select(b => b.Id).Order());
        }
    }

    private Task<List<(Guid Id, int People, bool Held)>> ActiveAsync(string slot) =>
        api.WithDbAsync(async db => (await db.Bookings.AsNoTracking()
                .Where(b => b.SlotId == Guid.Parse(slot) && BookingStatuses.Active.Contains(b.Status))
                .Select(b => new { b.Id, People = b.Adults + b.Children, b.Status })
                .ToListAsync(Ct))
            .Select(b => (b.Id, b.People, b.Status == BookingStatus.Held)).ToList());

    /// <summary>One-minute holds, no unpaid-hold limit to speak of, sweeps run by the test, and a token that
    /// outlives the hours the clock is moved on.</summary>
    public sealed class PropertyFactory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Bookings:RunExpiry"] = "false",
            ["Bookings:HoldMinutes"] = "1",
            ["Bookings:MaxUnpaidHolds"] = "100000",
            ["Auth:TokenLifetimeMinutes"] = "100000",
        };
    }
}
