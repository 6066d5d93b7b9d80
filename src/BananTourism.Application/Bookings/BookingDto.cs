using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Bookings;

/// <summary>A booking as tourists, operators and admins see it (API.md's booking shape). The payment's client
/// secret (what completes an online payment) is shown only to the booking's own tourist.</summary>
public sealed record BookingDto(
    Guid Id,
    string Reference,
    BookingStatus Status,
    Guid OfferingId,
    string OfferingName,
    Guid VenueId,
    string VenueName,
    OfferingKind Kind,
    Guid? SlotId,
    DateOnly Date,
    TimeOnly? Start,
    TimeOnly? End,
    DateOnly? CheckIn,
    DateOnly? CheckOut,
    int? Units,
    int Adults,
    int Children,
    Money Total,
    IReadOnlyList<BookingLineDto> Breakdown,
    DateTimeOffset? ExpiresAt,
    string? VerificationCode,
    PaymentDto Payment,
    ContactDto Contact,
    string? Notes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    string? CancelReason,
    RefundDto? Refund,
    DateTimeOffset? CheckedInAt,
    int? Headcount)
{
    /// <summary>Where it was before its last move, when it has been moved.</summary>
    public RescheduledFromDto? RescheduledFrom { get; init; }

    /// <summary>Still to pay after a move to a dearer session of a booking paid online (online, or at the gate: once
    /// checked in, what the gate collected).</summary>
    public Money? BalanceDue { get; init; }

    /// <summary>The venue closed its session and offers a move instead (闭园改期): free of the policy until the end of
    /// <see cref="MoveOfferDto.Until"/>; not moved by then, it is cancelled and refunded in full.</summary>
    public MoveOfferDto? MoveOffer { get; init; }
}

public sealed record MoveOfferDto(string Reason, DateOnly Until);

/// <summary>The place a booking left: a session (<see cref="SlotId"/> and its <see cref="Date"/>), or nights.</summary>
public sealed record RescheduledFromDto(Guid? SlotId, DateOnly Date, DateOnly? CheckIn, DateOnly? CheckOut);

public sealed record BookingLineDto(DateOnly Date, LineKind Kind, int Quantity, Money UnitPrice, Money Amount)
{
    /// <summary>For an extra's line: which extra, its name and what it is priced per.</summary>
    public Guid? ExtraId { get; init; }

    public string? Name { get; init; }

    public string? NameEn { get; init; }

    public ExtraPer? Per { get; init; }
}

public sealed record PaymentDto(PaymentMethod Method, PaymentStatus Status, Money AmountPaid, string? ClientSecret);

public sealed record ContactDto(string Name, string Phone, string? Email);

public sealed record RefundDto(long Amount, string Currency, RefundStatus Status);

public static class BookingViews
{
    /// <summary><paramref name="viewer"/>: who is looking; only the booking's tourist sees the payment's client secret.</summary>
    public static BookingDto ToDto(this Booking b, string offeringName, string venueName, Guid? viewer) => new(
        b.Id,
        b.Reference,
        b.Status,
        b.OfferingId,
        offeringName,
        b.VenueId,
        venueName,
        b.Kind,
        b.SlotId,
        b.Date,
        b.StartTime,
        b.EndTime,
        b.Kind == OfferingKind.Nightly ? b.Date : null,
        b.Kind == OfferingKind.Nightly ? b.EndDate : null,
        b.Units,
        b.Adults,
        b.Children,
        Money.Yuan(b.Total),
        b.Lines.OrderBy(l => l.Date).ThenBy(l => l.Kind)
            .Select(l => new BookingLineDto(l.Date, l.Kind, l.Quantity, Money.Yuan(l.UnitPrice), Money.Yuan(l.Amount))
            {
                ExtraId = l.ExtraId, Name = l.Name, NameEn = l.NameEn, Per = l.Per,
            }).ToList(),
        b.Status == BookingStatus.Held ? b.ExpiresAt : null,
        b.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn ? Codes.Format(b.VerificationCode) : null,
        new PaymentDto(b.PaymentMethod, b.PaymentStatus, Money.Yuan(b.AmountPaid), PaysOnline(b) && viewer == b.TouristId ? b.PaymentClientSecret : null),
        new ContactDto(b.ContactName, b.ContactPhone, b.ContactEmail),
        b.Notes,
        b.CreatedAt,
        b.CancelledAt,
        b.CancelReason,
        b.Status == BookingStatus.Cancelled ? new RefundDto(b.RefundAmount, Money.Cny, b.RefundStatus) : null,
        b.CheckedInAt,
        b.CheckedInHeadcount)
    {
        RescheduledFrom = b.RescheduledFromDate is { } from
            ? new RescheduledFromDto(b.RescheduledFromSlotId, from,
                b.Kind == OfferingKind.Nightly ? from : null, b.Kind == OfferingKind.Nightly ? b.RescheduledFromEndDate : null)
            : null,
        BalanceDue = b.BalanceDue > 0 && b.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn ? Money.Yuan(b.BalanceDue) : null,
        MoveOffer = b.Status == BookingStatus.Confirmed && b.MoveOfferUntil is { } until ? new MoveOfferDto(b.MoveOfferReason ?? "", until) : null,
    };

    /// <summary>Whether the tourist has something to pay online now: a held booking, or a move's balance.</summary>
    private static bool PaysOnline(Booking b) => b.Status == BookingStatus.Held || (b.Status == BookingStatus.Confirmed && b.BalanceDue > 0);

    /// <summary>Loads bookings with their lines and names, in the order given by <paramref name="query"/>.</summary>
    public static async Task<List<BookingDto>> ToDtosAsync(this IQueryable<Booking> query, IAppDbContext db, Guid? viewer, CancellationToken ct)
    {
        var rows = await (
                from b in query
                join o in db.Offerings on b.OfferingId equals o.Id
                join v in db.Venues on b.VenueId equals v.Id
                select new { Booking = b, Offering = o.Name, Venue = v.Name })
            .AsNoTracking()
            .ToListAsync(ct);
        return rows.Select(r => r.Booking.ToDto(r.Offering, r.Venue, viewer)).ToList();
    }

    public static async Task<BookingDto?> LoadAsync(IAppDbContext db, Guid id, Guid? viewer, CancellationToken ct) =>
        (await db.Bookings.Where(b => b.Id == id).ToDtosAsync(db, viewer, ct)).SingleOrDefault();
}
