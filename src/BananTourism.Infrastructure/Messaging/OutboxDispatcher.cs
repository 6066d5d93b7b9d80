using System.Text;
using System.Text.Json;
using BananTourism.Application.Bookings;
using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Notifications;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace BananTourism.Infrastructure.Messaging;

/// <summary>Delivers the outbox, in every replica. A message is taken with a guarded UPDATE (a lease until a time,
/// only if pending, due and not leased by another), so of several dispatchers exactly one sends it; it is marked
/// sent after the send, so a crash in between sends it again after the lease (at least once, never lost). A failed
/// send is retried at once a few times (Polly, exponential with jitter), then put back with a growing delay, and
/// after <see cref="NotificationOptions.MaxAttempts"/> attempts marked failed for the admin to see and retry.</summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, MessageSending sending, NotificationOptions options, BananMetrics metrics, TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int Batch = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Looks on real time; what is due is decided on the injected clock (a reminder's 18:00, a retry's delay).
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(50, options.DispatchIntervalMilliseconds)));
        do
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) == Batch)
                {
                    // A full batch: more may be due.
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDispatchFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends what is due now; the number of messages looked at.</summary>
    internal async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Pending && m.DueAt <= now && (m.LeasedUntil == null || m.LeasedUntil <= now))
            .OrderBy(m => m.DueAt).Take(Batch).Select(m => m.Id).ToListAsync(ct);
        foreach (var id in due)
        {
            var leasedUntil = now + Lease;
            var mine = await db.Outbox
                .Where(m => m.Id == id && m.Status == MessageStatus.Pending && (m.LeasedUntil == null || m.LeasedUntil <= now))
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.LeasedUntil, leasedUntil), ct);
            if (mine == 1)
            {
                var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, ct);
                if (await NoLongerDueAsync(db, message, ct))
                {
                    await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(m => m
                        .SetProperty(x => x.Status, MessageStatus.Skipped).SetProperty(x => x.LeasedUntil, (DateTimeOffset?)null), ct);
                    continue;
                }

                await DeliverAsync(db, message, ct);
            }
        }

        return due.Count;
    }

    /// <summary>A reminder for a booking that is no longer confirmed (cancelled, closed, moved) is not sent.</summary>
    private static async Task<bool> NoLongerDueAsync(AppDbContext db, OutboxMessage message, CancellationToken ct) =>
        message.Template == BookingMessages.Reminder && message.BookingId is { } bookingId
        && !await db.Bookings.AnyAsync(b => b.Id == bookingId && b.Status == BookingStatus.Confirmed, ct);

    private async Task DeliverAsync(AppDbContext db, OutboxMessage message, CancellationToken ct)
    {
        using var activity = BananMetrics.Jobs.StartActivity("SendMessage");
        activity?.SetTag("banan.template", message.Template);
        var tries = 0;
        var pipeline = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = Math.Max(0, Math.Min(2, options.MaxAttempts - message.Attempts - 1)),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(Math.Min(1, options.RetryDelaySeconds)),
        }).Build();

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
            await FailedAsync(db, message, tries, e, ct);
            return;
        }

        var now = clock.GetUtcNow();
        await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.Status, MessageStatus.Sent)
            .SetProperty(x => x.SentAt, now)
            .SetProperty(x => x.Attempts, x => x.Attempts + tries)
            .SetProperty(x => x.Subject, subject)
            .SetProperty(x => x.Body, body)
            .SetProperty(x => x.LastError, (string?)null)
            .SetProperty(x => x.LeasedUntil, (DateTimeOffset?)null), ct);
        metrics.Notification(message.Channel.ToString().ToLowerInvariant(), "sent");
    }

    private async Task FailedAsync(AppDbContext db, OutboxMessage message, int tries, Exception error, CancellationToken ct)
    {
        var attempts = message.Attempts + tries;
        var gaveUp = attempts >= options.MaxAttempts;
        var now = clock.GetUtcNow();
        var retryAt = now + Backoff(attempts);
        var text = Truncate($"{error.GetType().Name}: {error.Message}", OutboxMessage.ErrorLength);
        await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.Status, gaveUp ? MessageStatus.Failed : MessageStatus.Pending)
            .SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.DueAt, gaveUp ? message.DueAt : retryAt)
            .SetProperty(x => x.LastError, text)
            .SetProperty(x => x.LeasedUntil, (DateTimeOffset?)null), ct);
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

    /// <summary>30 s, 1 min, 2 min, … up to an hour, each with ±25 % jitter so that many failed messages do not come
    /// back at once.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(3600, options.RetryDelaySeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds * (0.75 + (Random.Shared.NextDouble() / 2)));
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message dispatch failed; retrying on the next tick")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} ({Template}) not sent after {Attempts} attempts; next try at {RetryAt}: {Error}")]
    private partial void LogRetrying(Guid messageId, string template, int attempts, DateTimeOffset retryAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} ({Template}) failed for good after {Attempts} attempts: {Error}")]
    private partial void LogGaveUp(Guid messageId, string template, int attempts, string error);
}
