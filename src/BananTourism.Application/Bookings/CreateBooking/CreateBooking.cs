using System.Text.Json.Serialization;
using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Application.Common.Idempotency;
using BananTourism.Application.Payments;
using BananTourism.Application.Reports;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Bookings.CreateBooking;

/// <summary>A tourist books a slot (<see cref="SlotId"/>) or a stay (<see cref="CheckIn"/>, <see cref="CheckOut"/>,
/// <see cref="Units"/>) for a party. The server prices it; pay-on-arrival confirms at once, online methods hold.</summary>
[Allowed(Caller.Tourist)]
public sealed record CreateBooking(
    Guid OfferingId,
    Guid? SlotId,
    DateOnly? CheckIn,
    DateOnly? CheckOut,
    int? Units,
    int Adults,
    int Children,
    ContactInput Contact,
    PaymentMethod PaymentMethod,
    string? Notes,
    IReadOnlyList<ExtraChoice>? Extras = null) : ICommand<Result<CreatedBooking>>
{
    /// <summary>From the Idempotency-Key header, never from the body.</summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    /// <summary>"zh" or "en": the language of the page or of the request's Accept-Language, which the booking's
    /// messages are written in. Not part of the body, so not of the idempotency hash either.</summary>
    [JsonIgnore]
    public string? Language { get; init; }
}

/// <summary>The tourist's row as the booking needs it: may they book, and where do their messages go.</summary>
internal sealed record TouristFacts(bool PhoneVerified, string Email, bool EmailMuted, bool SmsWanted, string? Phone, bool RemindersMuted);

public sealed record ContactInput(string Name, string Phone, string? Email);

/// <summary><see cref="Replayed"/> is true when an earlier request with the same Idempotency-Key made it.</summary>
public sealed record CreatedBooking(BookingDto Booking, bool Replayed);

public sealed partial class CreateBookingHandler(
    IAppDbContext db,
    ICurrentUser currentUser,
    IWriteTransactions writes,
    IPaymentGateway gateway,
    PaymentSettlement settlement,
    IdempotencyGuard idempotency,
    IMessageDelivery delivery,
    BookingOptions options,
    BananMetrics metrics,
    TimeProvider clock,
    ILogger<CreateBookingHandler> logger) : ICommandHandler<CreateBooking, Result<CreatedBooking>>
{
    private const int Attempts = 3;

    public async ValueTask<Result<CreatedBooking>> Handle(CreateBooking command, CancellationToken ct)
    {
        var result = await DecideAsync(command, ct);
        metrics.BookingDecided(result);
        return result;
    }

    private async Task<Result<CreatedBooking>> DecideAsync(CreateBooking command, CancellationToken ct)
    {
        var touristId = currentUser.Id!.Value; // a tourist: AuthorizationBehavior let nobody else through

        // Read once here, outside the write transaction: the phone check, and where the confirmation goes.
        var tourist = await db.Users.AsNoTracking()
            .Where(u => u.Id == touristId)
            .Select(u => new TouristFacts(u.PhoneVerifiedAt != null, u.Email, u.EmailMuted, u.SmsWanted, u.VerifiedPhone, u.RemindersMuted))
            .SingleOrDefaultAsync(ct);
        if (tourist is not { PhoneVerified: true })
        {
            return BookingErrors.PhoneNotVerified;
        }

        if (command.PaymentMethod != PaymentMethod.PayOnArrival && !gateway.Enabled)
        {
            return PaymentErrors.OnlinePaymentUnavailable;
        }

        Guid? claim = null;
        if (command.IdempotencyKey is { } key)
        {
            var claimed = await idempotency.ClaimAsync(touristId, key, IdempotencyGuard.HashOf(command with { IdempotencyKey = null }), ct);
            if (claimed.Error is { } refused)
            {
                return refused;
            }

            if (claimed.ReplayOf is { } bookingId)
            {
                return new CreatedBooking((await BookingViews.LoadAsync(db, bookingId, touristId, ct))!, Replayed: true);
            }

            claim = claimed.ClaimId;
        }

        var result = await BookAsync(command, touristId, tourist, claim, ct);
        if (!result.IsSuccess && claim is { } claimId)
        {
            await idempotency.ReleaseAsync(claimId, ct);
        }

        return result;
    }

    private async Task<Result<CreatedBooking>> BookAsync(
        CreateBooking command, Guid touristId, TouristFacts tourist, Guid? claim, CancellationToken ct)
    {
        var found = await (
                from o in db.Offerings
                join v in db.Venues on o.VenueId equals v.Id
                join op in db.Users on v.OperatorId equals op.Id
                where o.Id == command.OfferingId && o.Published
                select new { Offering = o, VenueName = v.Name, VenueNameEn = v.NameEn, v.DailyCap, OperatorId = op.Id, OperatorEmail = op.Email })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return OfferingErrors.NotFound;
        }

        var offering = found.Offering;
        var now = clock.GetUtcNow();
        var priced = await PriceAsync(command, offering, now, ct);
        if (!priced.IsSuccess)
        {
            return Result<CreatedBooking>.Failure(priced.Errors);
        }

        var (slot, lines) = priced.Value;
        var facts = new MessageFacts(
            offering.Name, offering.NameEn, found.VenueName, found.VenueNameEn, found.OperatorId, found.OperatorEmail,
            tourist.Email, tourist.EmailMuted, tourist.SmsWanted, tourist.Phone, tourist.RemindersMuted);
        for (var attempt = 1; ; attempt++)
        {
            var draft = new BookingDraft(
                touristId, offering, command.Adults, command.Children,
                new Contact(command.Contact.Name, command.Contact.Phone, command.Contact.Email),
                command.PaymentMethod, command.Notes, "BT-" + Codes.New(8), Codes.New(8), command.Language ?? "zh");
            var hold = TimeSpan.FromMinutes(options.HoldMinutes);
            var booking = slot is not null
                ? Booking.ForSlot(draft, slot, lines, now, hold)
                : Booking.ForStay(draft, command.CheckIn!.Value, command.CheckOut!.Value, command.Units!.Value, lines, now, hold);
            try
            {
                var booked = await writes.RunAsync((tx, token) => WriteAsync(tx, booking, found.DailyCap, facts, claim, token), ct);
                if (!booked.IsSuccess)
                {
                    LogRefused(offering.Id, booked.FirstError.Code);
                    return Result<CreatedBooking>.Failure(booked.Errors);
                }

                LogBooked(booking.Id, booking.Reference, offering.Id, booking.PartySize, booking.Total, booking.Status);
                if (booking.Status == BookingStatus.Confirmed)
                {
                    delivery.Wake();
                }

                if (!booking.IsOnlinePayment)
                {
                    return new CreatedBooking(booking.ToDto(offering.Name, found.VenueName, touristId), Replayed: false);
                }

                // The places are held whatever the provider says; if it is down, the answer shows a pending
                // payment without a client secret, and the tourist (or reconciliation) starts it again.
                await settlement.StartAsync(booking.Id, ct);
                return new CreatedBooking((await BookingViews.LoadAsync(db, booking.Id, touristId, ct))!, Replayed: false);
            }
            catch (DuplicateKeyException) when (attempt < Attempts)
            {
                // A random reference or verification code collided (about one in 10^12), or, on SQL Server, another
                // first booking of the day created the venue's day counter: try again with fresh codes.
            }
        }
    }

    /// <summary>Inside the transaction: the tourist's limits (unpaid holds, or people paying on arrival that day),
    /// the capacity, the booking, the idempotency key.</summary>
    private async Task<Result<Success>> WriteAsync(
        IAppDbContext tx, Booking booking, int? dailyCap, MessageFacts facts, Guid? claim, CancellationToken ct)
    {
        if (await TouristLedger.TakeAsync(tx, booking, options, ct) is { } overLimit)
        {
            return overLimit;
        }

        if (await CapacityLedger.TakeAsync(tx, booking, dailyCap, ct) is { } refused)
        {
            return refused;
        }

        tx.Bookings.Add(booking);
        if (booking.Status == BookingStatus.Confirmed)
        {
            BookingMessages.QueueNew(tx, booking, facts);
        }

        await tx.SaveChangesAsync(ct);
        if (booking.Status == BookingStatus.Confirmed)
        {
            await DailyStats.ConfirmedAsync(tx, booking, +1, ct);
        }

        if (claim is { } claimId && !await IdempotencyGuard.CompleteAsync(tx, claimId, booking.Id, ct))
        {
            return IdempotencyErrors.InProgress;
        }

        return Success.Value;
    }

    private async Task<Result<(Slot? Slot, IReadOnlyList<BookingLine> Lines)>> PriceAsync(
        CreateBooking command, Offering offering, DateTimeOffset now, CancellationToken ct)
    {
        var party = command.Adults + command.Children;
        if ((offering.MinParty is { } min && party < min) || (offering.MaxParty is { } max && party > max))
        {
            return BookingErrors.PartySize(offering.MinParty, offering.MaxParty);
        }

        if (command.PaymentMethod == PaymentMethod.PayOnArrival && !offering.PayOnArrival.Permits(party))
        {
            return BookingErrors.PayOnArrivalNotAllowed;
        }

        var quoted = offering.Kind switch
        {
            OfferingKind.TimeSlot => await QuoteSlotAsync(offering, command, now, ct),
            OfferingKind.Nightly => await QuoteStayAsync(offering, command, party, now, ct),
        };
        if (!quoted.IsSuccess || command.Extras is not { Count: > 0 } choices)
        {
            return quoted;
        }

        var (slot, lines) = quoted.Value;
        var (from, until) = slot is not null ? (slot.Date, slot.Date.AddDays(1)) : (command.CheckIn!.Value, command.CheckOut!.Value);
        var extras = ExtraPricing.Lines(offering.Extras, choices, from, until, party);
        return extras.IsSuccess
            ? (slot, lines.Concat(extras.Value).ToList())
            : Result<(Slot?, IReadOnlyList<BookingLine>)>.Failure(extras.Errors);
    }

    private async Task<Result<(Slot?, IReadOnlyList<BookingLine>)>> QuoteSlotAsync(Offering offering, CreateBooking command, DateTimeOffset now, CancellationToken ct)
    {
        if (command.SlotId is not { } slotId)
        {
            return BookingErrors.WrongKind("slotId", "This offering is booked by time slot: give slotId, not dates.");
        }

        var quoted = await BookingQuotes.ForSlotAsync(db, offering, slotId, command.Adults, command.Children, now, ct);
        return quoted.IsSuccess
            ? ((Slot?)quoted.Value.Slot, quoted.Value.Lines)
            : Result<(Slot?, IReadOnlyList<BookingLine>)>.Failure(quoted.Errors);
    }

    private async Task<Result<(Slot?, IReadOnlyList<BookingLine>)>> QuoteStayAsync(
        Offering offering, CreateBooking command, int party, DateTimeOffset now, CancellationToken ct)
    {
        if (command.CheckIn is not { } checkIn || command.CheckOut is not { } checkOut || command.Units is not { } units)
        {
            return BookingErrors.WrongKind("checkIn", "This offering is booked by night: give checkIn, checkOut and units, not slotId.");
        }

        var stay = await BookingQuotes.ForStayAsync(db, offering, checkIn, checkOut, units, party, now, ct);
        return stay.IsSuccess ? ((Slot?)null, stay.Value) : Result<(Slot?, IReadOnlyList<BookingLine>)>.Failure(stay.Errors);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} ({Reference}) created for offering {OfferingId}: {Party} people, {Total} fen, {Status}")]
    private partial void LogBooked(Guid bookingId, string reference, Guid offeringId, int party, long total, BookingStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking for offering {OfferingId} refused: {Code}")]
    private partial void LogRefused(Guid offeringId, string code);
}
