using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Catalog.GetAvailability;

/// <summary>Live availability and the price of each slot or night in <c>[From, To]</c> (both inclusive).</summary>
[Allowed(Caller.Anyone)]
public sealed record GetAvailability(Guid OfferingId, DateOnly? From, DateOnly? To) : IQuery<Result<AvailabilityDto>>;

/// <summary>Time-slot offerings fill <see cref="Slots"/>; nightly ones <see cref="Nights"/>.</summary>
public sealed record AvailabilityDto(
    OfferingKind Kind, IReadOnlyList<SlotAvailability>? Slots, IReadOnlyList<NightAvailability>? Nights);

public sealed record SlotPrice(Money Adult, Money? Child);

public sealed record SlotAvailability(
    Guid Id, DateOnly Date, TimeOnly Start, TimeOnly End, int Capacity, int Remaining, SlotPrice Price,
    AvailabilityStatus Status);

public sealed record NightAvailability(DateOnly Date, int Units, int Remaining, Money Price, AvailabilityStatus Status);

public sealed class GetAvailabilityHandler(IAppDbContext db, TimeProvider clock)
    : IQueryHandler<GetAvailability, Result<AvailabilityDto>>
{
    public async ValueTask<Result<AvailabilityDto>> Handle(GetAvailability query, CancellationToken cancellationToken)
    {
        var offering = await db.Offerings.AsNoTracking()
            .Where(o => o.Id == query.OfferingId && o.Published)
            .Select(o => new PricedOffering(o.Id, o.Kind, o.Prices))
            .SingleOrDefaultAsync(cancellationToken);
        if (offering is null)
        {
            return OfferingErrors.NotFound;
        }

        var from = query.From!.Value;
        var to = query.To!.Value;
        var now = clock.GetUtcNow();
        DayType DayOf(DateOnly date, bool holiday) => DayTypes.Of(date, offering.Kind, holiday);

        // Each row carries whether its date is a holiday: one query, not two.
        return offering.Kind switch
        {
            OfferingKind.TimeSlot => await SlotsAsync(offering, from, to, now, DayOf, cancellationToken),
            OfferingKind.Nightly => await NightsAsync(offering, from, to, now, DayOf, cancellationToken),
        };
    }

    private async Task<AvailabilityDto> SlotsAsync(
        PricedOffering offering, DateOnly from, DateOnly to, DateTimeOffset now, Func<DateOnly, bool, DayType> dayOf, CancellationToken cancellationToken)
    {
        var slots = await db.Slots.AsNoTracking()
            .Where(s => s.OfferingId == offering.Id && s.Date >= from && s.Date <= to)
            .OrderBy(s => s.Date).ThenBy(s => s.Start)
            .Select(s => new { Slot = s, Holiday = db.Holidays.Any(h => h.Date == s.Date) })
            .ToListAsync(cancellationToken);
        return new AvailabilityDto(
            offering.Kind,
            slots.Select(row =>
            {
                var s = row.Slot;
                var day = dayOf(s.Date, row.Holiday);
                var child = offering.Prices.Child is null ? (Money?)null : Money.Yuan(offering.Prices.ChildPriceOn(day));
                var started = VenueTime.ToInstant(s.Date, s.Start) <= now;
                return new SlotAvailability(
                    s.Id, s.Date, s.Start, s.End, s.Capacity, Math.Max(0, s.Capacity - s.Reserved),
                    new SlotPrice(Money.Yuan(offering.Prices.UnitPriceOn(day)), child),
                    Availability.Of(s.Closed, started, s.Capacity, s.Reserved));
            }).ToList(),
            null);
    }

    private async Task<AvailabilityDto> NightsAsync(
        PricedOffering offering, DateOnly from, DateOnly to, DateTimeOffset now, Func<DateOnly, bool, DayType> dayOf, CancellationToken cancellationToken)
    {
        var today = VenueTime.Today(now);
        var nights = await db.Nights.AsNoTracking()
            .Where(n => n.OfferingId == offering.Id && n.Date >= from && n.Date <= to)
            .OrderBy(n => n.Date)
            .Select(n => new { Night = n, Holiday = db.Holidays.Any(h => h.Date == n.Date) })
            .ToListAsync(cancellationToken);
        return new AvailabilityDto(
            offering.Kind,
            null,
            nights.Select(row => new NightAvailability(
                row.Night.Date, row.Night.Units, Math.Max(0, row.Night.Units - row.Night.Reserved),
                Money.Yuan(offering.Prices.UnitPriceOn(dayOf(row.Night.Date, row.Holiday))),
                Availability.Of(row.Night.Closed, row.Night.Date < today, row.Night.Units, row.Night.Reserved))).ToList());
    }

    /// <summary>What availability needs of an offering.</summary>
    private sealed record PricedOffering(Guid Id, OfferingKind Kind, PriceList Prices);
}
