using BananTourism.Application.Bookings;
using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Notifications;
using BananTourism.Domain.Produce;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace BananTourism.Infrastructure.Messaging;

/// <summary>Takes outbox messages and sends them, safely in every replica. A message is taken with a guarded UPDATE (a
/// lease until a time, only if pending, due and not leased by another), so of several dispatchers exactly one sends
/// it; it is marked sent after the send, so a crash in between sends it again after the lease (at least once, never
/// lost). A failed send is retried at once a few times (Polly, exponential with jitter), then put back with a growing
/// delay, and after <see cref="NotificationOptions.MaxAttempts"/> attempts marked failed for the admin to see and retry.</summary>
internal sealed partial class OutboxDelivery(
    IServiceScopeFactory scopes, MessageSending sending, NotificationOptions options, BananMetrics metrics, TimeProvider clock,
    ILogger<OutboxDelivery> logger) : IMessageDelivery
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim _work = new(0, 1);

    public void Wake()
    {
        if (_work.CurrentCount == 0)
        {
            try
            {
                _work.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already.
            }
        }
    }

    /// <summary>Until <see cref="Wake"/> is called or <paramref name="interval"/> has passed.</summary>
    public async Task WaitForWorkAsync(TimeSpan interval, CancellationToken ct) => await _work.WaitAsync(interval, ct);

    /// <summary>Leases up to <paramref name="batch"/> due messages with one UPDATE under a fresh owner, and reads back
    /// those this claim won (another replica may have taken some in between).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(AppDbContext db, IWriteTransactions writes, int batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Pending && m.DueAt <= now && (m.LeasedUntil == null || m.LeasedUntil <= now))
            .OrderBy(m => m.DueAt).Take(batch).Select(m => m.Id).ToListAsync(ct);
        if (due.Count == 0)
        {
            return [];
        }

        var owner = Guid.NewGuid();
        var leasedUntil = now + Lease;
        await WriteAsync(writes, (tx, token) => tx.Outbox
            .Where(m => due.Contains(m.Id) && m.Status == MessageStatus.Pending && (m.LeasedUntil == null || m.LeasedUntil <= now))
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.LeasedUntil, leasedUntil).SetProperty(x => x.LeaseOwner, owner), token), ct);
        return await db.Outbox.AsNoTracking().Where(m => due.Contains(m.Id) && m.LeaseOwner == owner).ToListAsync(ct);
    }

    public async Task<Result<Success>> SendNowAsync(Guid messageId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var owner = Guid.NewGuid();
        var taken = await WriteAsync(scope.ServiceProvider.GetRequiredService<IWriteTransactions>(), (tx, token) => tx.Outbox
            .Where(m => m.Id == messageId && m.Status == MessageStatus.Pending && (m.LeasedUntil == null || m.LeasedUntil <= now))
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.LeasedUntil, now + Lease).SetProperty(x => x.LeaseOwner, owner), token), ct);
        if (taken == 0)
        {
            return Success.Value; // another dispatcher has it on its way
        }

        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == messageId, ct);
        return await DeliverAsync(message, retries: 0, ct, giveUpOnFailure: true)
            ? Success.Value
            : SmsErrors.Unavailable;
    }

    public (string? Subject, string? Body) Preview(OutboxMessage message) => sending.Preview(message);

    /// <summary>Sends one message leased under its <see cref="OutboxMessage.LeaseOwner"/> and records the outcome;
    /// false when it was not sent. The lease is renewed first (a batch's last messages may wait in a worker's queue),
    /// and every write after it is guarded by the owner: a message whose lease ran out and that another dispatcher
    /// took is neither sent nor recorded here. The outcome is recorded even when the process is stopping, because
    /// the message has gone.</summary>
    public async Task<bool> DeliverAsync(OutboxMessage message, int retries, CancellationToken ct, bool giveUpOnFailure = false)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var writes = scope.ServiceProvider.GetRequiredService<IWriteTransactions>();
        var owner = message.LeaseOwner;
        var renewedUntil = clock.GetUtcNow() + Lease;
        if (await WriteAsync(writes, (tx, token) => Mine(tx, message.Id, owner)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.LeasedUntil, renewedUntil), token), ct) == 0)
        {
            return false; // the lease ran out and another dispatcher has it
        }

        if (await NoLongerDueAsync(db, message, ct))
        {
            await WriteAsync(writes, (tx, token) => Mine(tx, message.Id, owner).ExecuteUpdateAsync(m => m
                .SetProperty(x => x.Status, MessageStatus.Skipped)
                .SetProperty(x => x.Data, message.CarriesSecret ? "{}" : message.Data)
                .SetProperty(x => x.LeasedUntil, (DateTimeOffset?)null), token), CancellationToken.None);
            return false;
        }

        using var activity = BananMetrics.Jobs.StartActivity("SendMessage");
        activity?.SetTag("banan.template", message.Template);
        var tries = 0;
        // Retries now, within the attempts left; Polly refuses a retry strategy of zero retries, so none is added then
        // (a message one attempt short of its limit gets exactly that one).
        var retriesNow = Math.Min(retries, options.MaxAttempts - message.Attempts - 1);
        var builder = new ResiliencePipelineBuilder();
        if (retriesNow > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = retriesNow,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(Math.Min(1, options.RetryDelaySeconds)),
            });
        }

        var pipeline = builder.Build();
        string? subject = null, body = null;
        try
        {
            await pipeline.ExecuteAsync(async token =>
            {
                tries++;
                (subject, body) = await sending.SendAsync(db, message, token);
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailedAsync(writes, message, tries, e, giveUpOnFailure);
            return false;
        }

        var now = clock.GetUtcNow();
        await WriteAsync(writes, (tx, token) => Mine(tx, message.Id, owner).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.Status, MessageStatus.Sent)
            .SetProperty(x => x.SentAt, now)
            .SetProperty(x => x.Attempts, x => x.Attempts + tries)
            .SetProperty(x => x.Subject, subject)
            .SetProperty(x => x.Body, body)
            .SetProperty(x => x.Data, message.CarriesSecret ? "{}" : message.Data)
            .SetProperty(x => x.LastError, (string?)null)
            .SetProperty(x => x.LeasedUntil, (DateTimeOffset?)null), token), CancellationToken.None);
        metrics.Notification(message.Channel.ToString().ToLowerInvariant(), "sent");
        return true;
    }

    /// <summary>A reminder for a booking that is no longer confirmed (cancelled, closed) or has moved to another date
    /// (the date in its key), a weigh-out's receipt voided before it became final, or a phone code that
    /// was used, replaced or has expired, is not sent.</summary>
    private async Task<bool> NoLongerDueAsync(AppDbContext db, OutboxMessage message, CancellationToken ct)
    {
        if (message.Template == BookingMessages.Reminder && message.BookingId is { } bookingId)
        {
            var visit = await db.Bookings.AsNoTracking().Where(b => b.Id == bookingId && b.Status == BookingStatus.Confirmed)
                .Select(b => (DateOnly?)b.Date).SingleOrDefaultAsync(ct);
            return visit is not { } date || BookingMessages.ReminderDateOf(message.DedupKey) != date;
        }

        if (message.Template == BookingMessages.WeighOutReceipt && ReceiptMessages.WeighOutIdOf(message.DedupKey) is { } weighOutId)
        {
            return !await db.WeighOuts.AnyAsync(w => w.Id == weighOutId
                && (w.Status == WeighOutStatus.Collected || w.Status == WeighOutStatus.Paid), ct);
        }

        if (message.Template == OutboxMessage.PhoneCode)
        {
            var now = clock.GetUtcNow();
            return !await db.PhoneCodes.AnyAsync(c => c.Id == message.Id && c.UsedAt == null && c.ExpiresAt > now, ct);
        }

        return false;
    }

    private async Task FailedAsync(IWriteTransactions writes, OutboxMessage message, int tries, Exception error, bool giveUp)
    {
        var attempts = message.Attempts + tries;
        var gaveUp = giveUp || attempts >= options.MaxAttempts;
        var now = clock.GetUtcNow();
        var retryAt = now + Backoff(attempts);
        var text = Truncate($"{error.GetType().Name}: {error.Message}", OutboxMessage.ErrorLength);
        await WriteAsync(writes, (tx, token) => Mine(tx, message.Id, message.LeaseOwner).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.Status, gaveUp ? MessageStatus.Failed : MessageStatus.Pending)
            .SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.DueAt, gaveUp ? message.DueAt : retryAt)
            .SetProperty(x => x.LastError, text)
            .SetProperty(x => x.Data, gaveUp && message.CarriesSecret ? "{}" : message.Data)
            .SetProperty(x => x.LeasedUntil, (DateTimeOffset?)null), token), CancellationToken.None);
        metrics.Notification(message.Channel.ToString().ToLowerInvariant(), gaveUp ? "failed" : "retrying");
        if (gaveUp)
        {
            LogGaveUp(message.Id, message.Template, attempts, text);
        }
        else
        {
            LogRetrying(message.Id, message.Template, attempts, retryAt, text);
        }
    }

    /// <summary>Every outbox write goes through the process's write transactions: on SQLite its group commit, which
    /// shares one commit (and one fsync) among concurrent writers instead of letting the sending workers and the
    /// bookings queue on the database lock.</summary>
    private static async Task<int> WriteAsync(IWriteTransactions writes, Func<IAppDbContext, CancellationToken, Task<int>> update, CancellationToken ct) =>
        (await writes.RunAsync<int>(async (tx, token) => await update(tx, token), ct)).Value;

    /// <summary>The message, only while this claim holds it.</summary>
    private static IQueryable<OutboxMessage> Mine(IAppDbContext tx, Guid id, Guid? owner) =>
        tx.Outbox.Where(m => m.Id == id && m.Status == MessageStatus.Pending && m.LeaseOwner == owner);

    /// <summary>30 s, 1 min, 2 min, … up to an hour, each with ±25 % jitter so that many failed messages do not come
    /// back at once.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(3600, options.RetryDelaySeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds * (0.75 + (Random.Shared.NextDouble() / 2)));
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} ({Template}) not sent after {Attempts} attempts; next try at {RetryAt}: {Error}")]
    private partial void LogRetrying(Guid messageId, string template, int attempts, DateTimeOffset retryAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} ({Template}) failed for good after {Attempts} attempts: {Error}")]
    private partial void LogGaveUp(Guid messageId, string template, int attempts, string error);
}
