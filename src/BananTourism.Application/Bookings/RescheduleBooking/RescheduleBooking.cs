using System.Text.Json.Serialization;
using BananTourism.Application.Common;
using BananTourism.Application.Common.Idempotency;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Notifications;
using BananTourism.Application.Payments;
using BananTourism.Application.Reports;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Reports;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Bookings.RescheduleBooking;

/// <summary>改期: the tourist moves a confirmed booking to another session of the same offering (<see cref="SlotId"/>),
/// or a stay to other nights (<see cref="CheckIn"/>, <see cref="CheckOut"/>) with the same units and party. The new
/// place is taken and the old one released in one transaction; the verification code stays.</summary>
[Allowed(Caller.Tourist)]
public sealed record RescheduleBooking(Guid Id, Guid? SlotId, DateOnly? CheckIn, DateOnly? CheckOut) : ICommand<Result<BookingDto>>
{
    /// <summary>From the Idempotency-Key header, never from the body.</summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

public sealed partial class RescheduleBookingHandler(
    IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes, IdempotencyGuard idempotency, BookingOptions options,
    MovePayments payments, IMessageDelivery delivery, TimeProvider clock, ILogger<RescheduleBookingHandler> logger)
    : ICommandHandler<RescheduleBooking, Result<BookingDto>>
{
    public async ValueTask<Result<BookingDto>> Handle(RescheduleBooking command, CancellationToken ct)
    {
        var me = currentUser.Id!.Value;
        Guid? claim = null;
        if (command.IdempotencyKey is { } key)
        {
            var claimed = await idempotency.ClaimAsync(me, key, IdempotencyGuard.HashOf(command with { IdempotencyKey = null }), ct);
            if (claimed.Error is { } refused)
            {
                return refused;
            }

            if (claimed.ReplayOf is { } bookingId)
            {
                return (await BookingViews.LoadAsync(db, bookingId, me, ct))!;
            }

            claim = claimed.ClaimId;
        }

        var moved = await MoveAsync(command, me, claim, ct);
        if (!moved.IsSuccess && claim is { } claimId)
        {
            await idempotency.ReleaseAsync(claimId, ct);
        }

        return moved;
    }

    private async Task<Result<BookingDto>> MoveAsync(RescheduleBooking command, Guid me, Guid? claim, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var plan = await ReschedulePlans.MakeAsync(db, me, command.Id, command.SlotId, command.CheckIn, command.CheckOut, now, ct);
        if (!plan.IsSuccess)
        {
            return Result<BookingDto>.Failure(plan.Errors);
        }

        var (booking, target) = plan.Value;
        var done = await writes.RunAsync(async (tx, token) =>
        {
            // The status stays; the state machine's guard on the number of moves (and the money) means two moves at once
            // cannot both win, and what is released below is what the booking held.
            if (await BookingStateMachine.ApplyAsync(tx, booking, BookingTransition.Reschedule, token) is not null)
            {
                return Result<Success>.Failure([BookingErrors.NotReschedulable("The booking changed meanwhile; read it again.")]);
            }

            // Its places, its people and the money taken online all leave the old date, and come to the new one.
            await CapacityLedger.ReleaseAsync(tx, booking, token);
            await TouristLedger.ReleasePayOnArrivalAsync(tx, booking, token);
            await DailyStats.ConfirmedAsync(tx, booking, -1, token);
            await DailyStats.MoneyAsync(tx, booking, BookingRevenue.Net(booking), 0, token);

            var row = await tx.Bookings.SingleAsync(b => b.Id == booking.Id, token);
            var refund = target.Slot is { } slot
                ? row.MoveToSlot(slot, target.Lines, now)
                : row.MoveToNights(target.CheckIn, target.CheckOut, target.Lines, now);

            if (await CapacityLedger.TakeAsync(tx, row, target.DailyCap, token) is { } full)
            {
                return Result<Success>.Failure([full]);
            }

            if (!row.IsOnlinePayment && await TouristLedger.TakeAsync(tx, row, options, token) is { } overLimit)
            {
                return Result<Success>.Failure([overLimit]);
            }

            await tx.SaveChangesAsync(token);
            await DailyStats.ConfirmedAsync(tx, row, +1, token);
            await DailyStats.MoneyAsync(tx, row, 0, BookingRevenue.Net(row), token);
            if (refund > 0)
            {
                await MovePayments.AddRefundAsync(tx, booking, refund, row.RescheduleCount, now, token);
            }

            if (row.IsOnlinePayment && row.BalanceDue > 0)
            {
                tx.BookingAdjustments.Add(BookingAdjustment.Balance(row.Id, row.BalanceDue, row.RescheduleCount, now));
                await tx.SaveChangesAsync(token);
            }

            await BookingMessages.QueueAsync(tx, row, BookingMessages.Rescheduled, null, now, token, occurrence: row.RescheduleCount,
                previousWhen: BookingMessages.WhenOf(booking));
            if (claim is { } claimId && !await IdempotencyGuard.CompleteAsync(tx, claimId, row.Id, token))
            {
                return Result<Success>.Failure([IdempotencyErrors.InProgress]);
            }

            return Result<Success>.Success(Success.Value);
        }, ct);
        if (!done.IsSuccess)
        {
            LogRefused(booking.Id, done.FirstError.Code);
            return Result<BookingDto>.Failure(done.Errors);
        }

        LogMoved(booking.Id, booking.Date, target.CheckIn);
        delivery.Wake();

        // Outside the transaction: the provider pays the difference back, or opens the balance's payment (and voids an
        // earlier balance no longer owed). An outage leaves the refund for reconciliation and the balance for the gate.
        await payments.PayBackAsync(booking.Id, ct);
        await payments.StartBalanceAsync(booking.Id, ct);
        return (await BookingViews.LoadAsync(db, booking.Id, me, ct))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} moved from {From} to {To}")]
    private partial void LogMoved(Guid bookingId, DateOnly from, DateOnly to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {BookingId} not moved: {Code}")]
    private partial void LogRefused(Guid bookingId, string code);
}

public sealed class RescheduleBookingValidator : AbstractValidator<RescheduleBooking>
{
    public RescheduleBookingValidator() => ReschedulePlans.Rules(this, c => c.SlotId, c => c.CheckIn, c => c.CheckOut);
}
