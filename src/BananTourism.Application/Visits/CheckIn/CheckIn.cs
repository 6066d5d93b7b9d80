using BananTourism.Application.Bookings;
using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Application.Payments;
using BananTourism.Application.Reports;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Visits;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Visits.CheckIn;

/// <summary>核销: the gate checks a visitor in by verification code, recording how many actually came. A code
/// scanned twice at once checks in once: the second scan is told when the first happened.</summary>
[Allowed(Caller.Operator)]
public sealed record CheckIn(string Code, int Headcount) : ICommand<Result<CheckInResult>>;

/// <param name="ToCollect">What the gate takes: the price of a booking paid on arrival, or the balance a move left on
/// one paid online; null when nothing.</param>
public sealed record CheckInResult(
    Guid BookingId, string Reference, BookingStatus Status, int Headcount, int Adults, int Children, string OfferingName,
    DateOnly Date, TimeOnly? Start, DateTimeOffset CheckedInAt, Money? ToCollect);

public sealed partial class CheckInHandler(
    IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes, MovePayments payments, TimeProvider clock, ILogger<CheckInHandler> logger)
    : ICommandHandler<CheckIn, Result<CheckInResult>>
{
    public async ValueTask<Result<CheckInResult>> Handle(CheckIn command, CancellationToken ct)
    {
        var code = Codes.Normalize(command.Code);
        var found = await (
                from b in db.OwnedBookings(currentUser)
                join o in db.Offerings on b.OfferingId equals o.Id
                where b.VerificationCode == code
                select new
                {
                    Booking = b,
                    Offering = o.Name,
                    Closed = db.Slots.Any(s => s.Id == b.SlotId && s.Closed)
                             || db.Nights.Any(n => b.SlotId == null && n.OfferingId == b.OfferingId && n.Date >= b.Date && n.Date < b.EndDate && n.Closed),
                })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return VisitErrors.UnknownCode;
        }

        var booking = found.Booking;
        var now = clock.GetUtcNow();
        if (CheckInRules.Check(booking, command.Headcount, VenueTime.Today(now), found.Closed) is { } refused)
        {
            return refused;
        }

        var checkedIn = await writes.RunAsync(async (tx, token) =>
        {
            var lost = await BookingStateMachine.ApplyAsync(tx, booking, BookingTransition.CheckIn, token, b => b
                .SetProperty(x => x.CheckedInAt, now)
                .SetProperty(x => x.CheckedInHeadcount, command.Headcount));
            if (lost is null)
            {
                await DailyStats.CheckedInAsync(tx, booking, command.Headcount, token);
                if (CheckInRules.ToCollect(booking) is > 0 and var collected)
                {
                    // Paid at the gate (the price, or a move's balance): the money is taken now.
                    await DailyStats.RevenueAsync(tx, booking, collected, token);
                }

                return Result<Success>.Success(Success.Value);
            }

            // Another scan (or a cancellation) got there first: say which.
            var current = await tx.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id, token);
            return CheckInRules.Check(current, command.Headcount, VenueTime.Today(now)) ?? VisitErrors.NotCheckable("The booking changed; scan again.");
        }, ct);
        if (!checkedIn.IsSuccess)
        {
            return Result<CheckInResult>.Failure(checkedIn.Errors);
        }

        LogCheckedIn(booking.Id, booking.Reference, command.Headcount, booking.PartySize);
        if (booking.IsOnlinePayment && booking.BalanceDue > 0)
        {
            await payments.VoidBalancesAsync(booking.Id, ct); // taken at the gate: its online payment is closed
        }

        return new CheckInResult(
            booking.Id, booking.Reference, BookingStatus.CheckedIn, command.Headcount, booking.Adults, booking.Children,
            found.Offering, booking.Date, booking.StartTime, now, CheckInRules.ToCollect(booking) is > 0 and var due ? Money.Yuan(due) : null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} ({Reference}) checked in: {Headcount} of {Party} came")]
    private partial void LogCheckedIn(Guid bookingId, string reference, int headcount, int party);
}

public sealed class CheckInValidator : AbstractValidator<CheckIn>
{
    public CheckInValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(32);
        RuleFor(c => c.Headcount).InclusiveBetween(1, 1000)
            .WithMessage("At least one person checks in; a party that did not come is a no-show.");
    }
}
