using BananTourism.Application.Common;
using BananTourism.Domain.Notifications;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BananTourism.Infrastructure.Messaging;

/// <summary>Delivers the outbox, in every replica: every <see cref="NotificationOptions.DispatchIntervalMilliseconds"/>,
/// or at once when this process has just queued something (<see cref="IMessageDelivery.Wake"/>). Each round claims up to
/// a batch of due messages with one guarded UPDATE (<see cref="OutboxDelivery.ClaimDueAsync"/>) and sends them with a
/// few workers side by side, until nothing is due.</summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, OutboxDelivery delivery, NotificationOptions options, ILogger<OutboxDispatcher> logger,
    SmtpEmailSender? smtp = null) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Looks on real time; what is due is decided on the injected clock (a reminder's 18:00, a retry's delay).
        var interval = TimeSpan.FromMilliseconds(Math.Max(50, options.DispatchIntervalMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) == Batch)
                {
                    // A full batch: more may be due.
                }

                if (smtp is not null)
                {
                    await smtp.CloseIdleAsync();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDispatchFailed(e);
            }

            await delivery.WaitForWorkAsync(interval, stoppingToken);
        }
    }

    /// <summary>Sends what is due now; the number of messages claimed.</summary>
    internal async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        IReadOnlyList<OutboxMessage> mine;
        await using (var scope = scopes.CreateAsyncScope())
        {
            mine = await delivery.ClaimDueAsync(
                scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<IWriteTransactions>(), Batch, ct);
        }

        await Parallel.ForEachAsync(
            mine,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Workers), CancellationToken = ct },
            async (message, token) =>
            {
                try
                {
                    await delivery.DeliverAsync(message, retries: 2, token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One message's trouble (a database busy past its timeout) must not stop its batch: it stays
                    // leased and is taken again when the lease runs out.
                    LogMessageFailed(e, message.Id);
                }
            });
        return mine.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} could not be handled; it is taken again after its lease")]
    private partial void LogMessageFailed(Exception exception, Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message dispatch failed; retrying on the next tick")]
    private partial void LogDispatchFailed(Exception exception);
}
