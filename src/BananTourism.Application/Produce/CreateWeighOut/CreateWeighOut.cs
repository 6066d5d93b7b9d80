using System.Text.Json.Serialization;
using BananTourism.Application.Common;
using BananTourism.Application.Common.Idempotency;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Notifications;
using BananTourism.Application.Operators;
using BananTourism.Application.Payments;
using BananTourism.Application.Reports;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Produce;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Produce.CreateWeighOut;

/// <summary>过秤: at the exit the operator weighs (or counts) what a checked-in party takes home, priced from the offering's
/// produce list, and collects it at the stall or lets the tourist pay online from the booking page.</summary>
[Allowed(Caller.Operator)]
public sealed record CreateWeighOut(Guid BookingId, IReadOnlyList<WeighOutItem> Items, Collect Collect) : ICommand<Result<CreatedWeighOut>>
{
    /// <summary>From the Idempotency-Key header: a double tap at the scale makes one receipt.</summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

/// <param name="Quantity">In the product's unit, above zero, at most three decimals.</param>
public sealed record WeighOutItem(Guid ProduceId, decimal Quantity);

public sealed record CreatedWeighOut(WeighOutDto WeighOut, bool Replayed);

public sealed partial class CreateWeighOutHandler(
    IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes, IdempotencyGuard idempotency, IPaymentGateway gateway,
    WeighOutPayments payments, TimeProvider clock, ILogger<CreateWeighOutHandler> logger)
    : ICommandHandler<CreateWeighOut, Result<CreatedWeighOut>>
{
    public async ValueTask<Result<CreatedWeighOut>> Handle(CreateWeighOut command, CancellationToken ct)
    {
        var found = await (from b in db.OwnedBookings(currentUser)
                           join o in db.Offerings on b.OfferingId equals o.Id
                           where b.Id == command.BookingId
                           select new { Booking = b, Offering = o }).AsNoTracking().SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return BookingErrors.NotFound;
        }

        var now = clock.GetUtcNow();
        if (!CheckedInFor(found.Booking, VenueTime.Today(now)))
        {
            return WeighOutErrors.NotCheckedIn;
        }

        if (found.Offering.Produce.Count == 0)
        {
            return WeighOutErrors.NoProduce;
        }

        if (command.Collect == Collect.Online && !gateway.Enabled)
        {
            return WeighOutErrors.OnlineUnavailable;
        }

        var items = command.Items.Select(i => (i.ProduceId, Quantity.From(i.Quantity)!.Value)).ToList(); // the validator checked each
        var made = WeighOut.Create(found.Booking.Id, found.Offering, items, command.Collect, currentUser.Me(), now);
        if (!made.IsSuccess)
        {
            return Result<CreatedWeighOut>.Failure(made.Errors);
        }

        var me = currentUser.Me();
        Guid? claim = null;
        if (command.IdempotencyKey is { } key)
        {
            var claimed = await idempotency.ClaimAsync(me, key, IdempotencyGuard.HashOf(command with { IdempotencyKey = null }), ct);
            if (claimed.Error is { } refused)
            {
                return refused;
            }

            if (claimed.ReplayOf is { } earlier)
            {
                var replay = await db.WeighOuts.AsNoTracking().SingleAsync(w => w.Id == earlier, ct);
                return new CreatedWeighOut(replay.ToDto(showSecret: false), Replayed: true);
            }

            claim = claimed.ClaimId;
        }

        var weighOut = made.Value;
        var facts = await BookingMessages.FactsAsync(db, found.Booking.OfferingId, found.Booking.TouristId, ct);
        var written = await writes.RunAsync(async (tx, token) =>
        {
            tx.WeighOuts.Add(weighOut);
            if (weighOut.Counts)
            {
                ReceiptMessages.Queue(tx, weighOut, found.Booking, facts, now); // paid online: queued when the payment arrives
            }

            await tx.SaveChangesAsync(token);
            if (weighOut.Counts)
            {
                await DailyStats.ProduceAsync(tx, weighOut, +1, token);
            }

            if (claim is { } claimId && !await IdempotencyGuard.CompleteAsync(tx, claimId, weighOut.Id, token))
            {
                return Result<Success>.Failure([IdempotencyErrors.InProgress]);
            }

            return Result<Success>.Success(Success.Value);
        }, ct);
        if (!written.IsSuccess)
        {
            if (claim is { } claimId)
            {
                await idempotency.ReleaseAsync(claimId, ct);
            }

            return Result<CreatedWeighOut>.Failure(written.Errors);
        }

        LogWeighedOut(weighOut.Id, found.Booking.Reference, weighOut.Total, weighOut.Collect);
        if (weighOut.Collect == Collect.Online)
        {
            await payments.StartAsync(weighOut.Id, ct);
            weighOut = await db.WeighOuts.AsNoTracking().SingleAsync(w => w.Id == weighOut.Id, ct);
        }

        return new CreatedWeighOut(weighOut.ToDto(showSecret: false), Replayed: false);
    }

    /// <summary>Checked in, and at the venue today: a session's day, or any day of a stay from its check-in to its check-out.</summary>
    private static bool CheckedInFor(Booking b, DateOnly today) =>
        b.Status == BookingStatus.CheckedIn && b.CheckedInAt is { } at && VenueTime.Today(at) <= today
        && (b.Kind == OfferingKind.Nightly ? today <= b.EndDate : VenueTime.Today(at) == today);

    [LoggerMessage(Level = LogLevel.Information, Message = "Weigh-out {WeighOutId} for booking {Reference}: {Total} fen, {Collect}")]
    private partial void LogWeighedOut(Guid weighOutId, string reference, long total, Collect collect);
}

public sealed class CreateWeighOutValidator : AbstractValidator<CreateWeighOut>
{
    public const int MaxItems = 20;

    public CreateWeighOutValidator()
    {
        RuleFor(c => c.BookingId).NotEmpty();
        RuleFor(c => c.Collect).IsInEnum();
        RuleFor(c => c.Items).NotNull().Must(i => i is { Count: > 0 and <= MaxItems }).WithMessage($"Weigh out 1 to {MaxItems} products.");
        RuleForEach(c => c.Items).NotNull().ChildRules(item =>
        {
            item.RuleFor(i => i.ProduceId).NotEmpty();
            item.RuleFor(i => i.Quantity).Must(q => Quantity.From(q) is not null)
                .WithMessage("A quantity above 0 and at most 10,000, with at most three decimals (2.35).");
        });
        RuleFor(c => c.IdempotencyKey).Length(1, 255).Must(k => k!.All(ch => ch is >= '!' and <= '~'))
            .WithMessage("The Idempotency-Key must be 1 to 255 visible ASCII characters.")
            .When(c => c.IdempotencyKey is not null);
    }
}
