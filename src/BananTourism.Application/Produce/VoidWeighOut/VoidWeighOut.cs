using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Operators;
using BananTourism.Application.Payments;
using BananTourism.Application.Reports;
using BananTourism.Domain.Common;
using BananTourism.Domain.Produce;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Produce.VoidWeighOut;

/// <summary>作废: a receipt made by mistake is voided, never edited, within 15 minutes of it; its produce no longer counts,
/// an open online payment is cancelled and money already paid online goes back.</summary>
[Allowed(Caller.Operator)]
public sealed record VoidWeighOut(Guid Id) : ICommand<Result<Success>>;

public sealed partial class VoidWeighOutHandler(
    IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes, WeighOutPayments payments, TimeProvider clock,
    ILogger<VoidWeighOutHandler> logger) : ICommandHandler<VoidWeighOut, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(VoidWeighOut command, CancellationToken ct)
    {
        var me = currentUser.Me();
        var w = await db.WeighOuts.AsNoTracking()
            .Where(x => x.Id == command.Id && db.Venues.Any(v => v.Id == x.VenueId && v.OperatorId == me))
            .SingleOrDefaultAsync(ct);
        if (w is null)
        {
            return WeighOutErrors.NotFound;
        }

        var now = clock.GetUtcNow();
        if (w.Status == WeighOutStatus.Voided)
        {
            return WeighOutErrors.AlreadyVoided;
        }

        if (!w.VoidableAt(now))
        {
            return WeighOutErrors.TooLate;
        }

        var voided = await writes.RunAsync(async (tx, token) =>
        {
            // Guarded by the status read: a payment that landed meanwhile makes this read again.
            var done = await tx.WeighOuts.Where(x => x.Id == w.Id && x.Status == w.Status)
                .ExecuteUpdateAsync(x => x.SetProperty(p => p.Status, WeighOutStatus.Voided)
                    .SetProperty(p => p.VoidedAt, now).SetProperty(p => p.VoidedBy, me), token) == 1;
            if (!done)
            {
                return Result<Success>.Failure([Error.Conflict("changed", "The receipt changed meanwhile (it was paid or voided); read it again.")]);
            }

            if (w.Counts)
            {
                await DailyStats.ProduceAsync(tx, w, -1, token);
            }

            if (w.Status == WeighOutStatus.Paid)
            {
                await tx.WeighOuts.Where(x => x.Id == w.Id)
                    .ExecuteUpdateAsync(x => x.SetProperty(p => p.RefundStatus, Domain.Bookings.RefundStatus.Pending), token);
            }

            return Result<Success>.Success(Success.Value);
        }, ct);
        if (!voided.IsSuccess)
        {
            return voided;
        }

        LogVoided(w.Id, w.Total, w.Status);
        await payments.SettleVoidAsync(w.Id, ct);
        return Success.Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weigh-out {WeighOutId} ({Total} fen, {Status}) voided")]
    private partial void LogVoided(Guid weighOutId, long total, WeighOutStatus status);
}
