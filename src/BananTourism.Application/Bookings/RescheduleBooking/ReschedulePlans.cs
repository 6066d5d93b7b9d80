using System.Linq.Expressions;
using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Bookings.RescheduleBooking;

/// <summary>Where a move would go and what it would cost.</summary>
public sealed record RescheduleTarget(
    Slot? Slot, DateOnly CheckIn, DateOnly CheckOut, IReadOnlyList<BookingLine> Lines, long NewTotal, long Difference, int? DailyCap);

/// <summary>Decides whether the caller's booking may move to the place asked for, and prices it; shared by the
/// preview and the move itself, so the preview never promises what the move refuses.</summary>
public static class ReschedulePlans
{
    public const int MaxNights = 30;

    public static async Task<Result<(Booking Booking, RescheduleTarget Target)>> MakeAsync(
        IAppDbContext db, Guid touristId, Guid bookingId, Guid? slotId, DateOnly? checkIn, DateOnly? checkOut, DateTimeOffset now,
        CancellationToken ct)
    {
        var found = await (
                from b in db.Bookings
                join o in db.Offerings on b.OfferingId equals o.Id
                join v in db.Venues on b.VenueId equals v.Id
                where b.Id == bookingId && b.TouristId == touristId
                select new { Booking = b, Offering = o, v.DailyCap })
            .AsNoTracking().SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return BookingErrors.NotFound;
        }

        var booking = found.Booking;
        if (booking.RescheduleRefusalAt(now) is { } refused)
        {
            return refused;
        }

        var target = booking.Kind switch
        {
            OfferingKind.TimeSlot => await ToSlotAsync(db, booking, found.Offering, slotId, checkIn, found.DailyCap, now, ct),
            OfferingKind.Nightly => await ToNightsAsync(db, booking, found.Offering, slotId, checkIn, checkOut, found.DailyCap, now, ct),
        };
        if (!target.IsSuccess)
        {
            return Result<(Booking, RescheduleTarget)>.Failure(target.Errors);
        }

        return (booking, target.Value);
    }

    private static async Task<Result<RescheduleTarget>> ToSlotAsync(
        IAppDbContext db, Booking booking, Offering offering, Guid? slotId, DateOnly? checkIn, int? dailyCap, DateTimeOffset now, CancellationToken ct)
    {
        if (slotId is not { } id || checkIn is not null)
        {
            return BookingErrors.WrongKind("slotId", "This booking is for a time slot: give the new slotId, not dates.");
        }

        if (id == booking.SlotId)
        {
            return BookingErrors.NotReschedulable("The booking is already for this session.");
        }

        var quoted = await BookingQuotes.ForSlotAsync(db, offering, id, booking.Adults, booking.Children, now, ct);
        if (!quoted.IsSuccess)
        {
            return Result<RescheduleTarget>.Failure(quoted.Errors);
        }

        var slot = quoted.Value.Slot;
        if (slot.Closed)
        {
            return BookingErrors.Closed;
        }

        if (slot.Capacity - slot.Reserved < booking.PartySize)
        {
            return BookingErrors.SoldOut;
        }

        // The extras go with it, as booked (the same quantities and prices).
        var lines = quoted.Value.Lines.Concat(ExtraPricing.Moved(booking.Lines, slot.Date, slot.Date.AddDays(1))).ToList();
        var total = lines.Sum(l => l.Amount);
        return new RescheduleTarget(slot, slot.Date, slot.Date.AddDays(1), lines, total, booking.RescheduleDifference(total), dailyCap);
    }

    private static async Task<Result<RescheduleTarget>> ToNightsAsync(
        IAppDbContext db, Booking booking, Offering offering, Guid? slotId, DateOnly? checkIn, DateOnly? checkOut, int? dailyCap,
        DateTimeOffset now, CancellationToken ct)
    {
        if (slotId is not null || checkIn is not { } from || checkOut is not { } to)
        {
            return BookingErrors.WrongKind("checkIn", "This booking is for nights: give the new checkIn and checkOut, not a slotId.");
        }

        if (from == booking.Date && to == booking.EndDate)
        {
            return BookingErrors.NotReschedulable("The booking is already for these nights.");
        }

        var units = booking.Units!.Value;
        var quoted = await BookingQuotes.ForStayAsync(db, offering, from, to, units, booking.PartySize, now, ct);
        if (!quoted.IsSuccess)
        {
            return Result<RescheduleTarget>.Failure(quoted.Errors);
        }

        // Its own nights count as free for the move (it gives them back in the same transaction).
        var nights = await db.Nights.AsNoTracking().Where(n => n.OfferingId == offering.Id && n.Date >= from && n.Date < to).ToListAsync(ct);
        if (nights.Count != to.DayNumber - from.DayNumber)
        {
            return BookingErrors.NotOnSale;
        }

        if (nights.Any(n => n.Closed))
        {
            return BookingErrors.Closed;
        }

        if (nights.Any(n => n.Units - n.Reserved + (n.Date >= booking.Date && n.Date < booking.EndDate ? units : 0) < units))
        {
            return BookingErrors.SoldOut;
        }

        var lines = quoted.Value.Concat(ExtraPricing.Moved(booking.Lines, from, to)).ToList();
        var total = lines.Sum(l => l.Amount);
        return new RescheduleTarget(null, from, to, lines, total, booking.RescheduleDifference(total), dailyCap);
    }

    public static void Rules<T>(AbstractValidator<T> v, Func<T, Guid?> slotId, Expression<Func<T, DateOnly?>> checkIn, Expression<Func<T, DateOnly?>> checkOut)
    {
        var checkInOf = checkIn.Compile();
        v.RuleFor(checkIn).NotNull().When(x => slotId(x) is null).WithMessage("Give the new slotId, or checkIn and checkOut.");
        v.RuleFor(checkOut).NotNull().When(x => slotId(x) is null).WithMessage("Give the new slotId, or checkIn and checkOut.");
        v.RuleFor(checkOut)
            .Must((x, o) => o > checkInOf(x)).WithMessage("checkOut must be after checkIn.")
            .Must((x, o) => o!.Value.DayNumber - checkInOf(x)!.Value.DayNumber <= MaxNights).WithMessage($"At most {MaxNights} nights.")
            .When(x => checkInOf(x) is not null && checkOut.Compile()(x) is not null);
    }
}
