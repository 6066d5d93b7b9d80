using System.Collections.Concurrent;
using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Application.Reports;
using BananTourism.Application.Reports.GetToday;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using BananTourism.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BananTourism.Infrastructure.Background;

/// <summary>Once a second, in every replica, reads today's row of every venue (a handful of indexed reads of one date)
/// and compares it with the last read: the rows that changed go to the live streams of this process, and a venue that
/// reached crowded gets its alert queued (deduplicated in the database, so replicas noticing the same crossing queue it
/// once). Seeing changes through the database, not through in-process events, is what lets a stream on one replica show
/// a check-in made on another.</summary>
internal sealed partial class TodayWatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TodayWatcher> logger)
    : BackgroundService, ITodayFeed
{
    /// <summary>Real time, not the app's clock: a test's frozen clock must not stop the polling.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, (TodayScope Scope, TodaySubscription Subscription)> _subscribers = new();
    private readonly HashSet<Guid> _alerted = [];
    private Dictionary<Guid, TodayVenueRow> _last = [];
    private DateOnly _lastDate;

    public TodaySubscription Subscribe(TodayScope scope)
    {
        var id = Guid.NewGuid();
        var subscription = new TodaySubscription(() =>
        {
            if (_subscribers.TryRemove(id, out var gone))
            {
                gone.Subscription.Complete();
            }
        });
        _subscribers[id] = (scope, subscription);
        return subscription;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(e); // the database briefly away: the next second tries again
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PollAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var today = VenueTime.Today(now);
        var rows = await TodayFigures.ReadAsync(db, today, null, null, null, ct);
        var newDay = today != _lastDate;
        if (newDay)
        {
            _alerted.Clear();
        }

        var changed = rows.Where(r => newDay || !_last.TryGetValue(r.VenueId, out var before) || before != r).ToList();
        _last = rows.ToDictionary(r => r.VenueId);
        _lastDate = today;
        foreach (var row in changed)
        {
            foreach (var (scopeOf, subscription) in _subscribers.Values)
            {
                if (scopeOf.Covers(row))
                {
                    subscription.Post(row);
                }
            }
        }

        // A venue that is crowded and not yet alerted from here: its alert, on its own, until one is written (or found
        // written by another replica). Dropping below crowded lets this process look again; the database's key keeps
        // it to one alert a day.
        var writes = scope.ServiceProvider.GetRequiredService<IWriteTransactions>();
        foreach (var row in rows)
        {
            if (row.Level != CrowdLevel.Crowded)
            {
                _alerted.Remove(row.VenueId);
            }
            else if (!_alerted.Contains(row.VenueId) && await AlertAsync(writes, row, today, now, ct))
            {
                _alerted.Add(row.VenueId);
            }
        }
    }

    /// <summary>Queues a crowded venue's alerts; true once they are in the database (here or by another replica).</summary>
    private async Task<bool> AlertAsync(IWriteTransactions writes, TodayVenueRow row, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await writes.RunAsync(async (tx, token) =>
            {
                var queued = await CrowdAlerts.QueueAsync(tx, row, today, now, token);
                await tx.SaveChangesAsync(token);
                return Result<int>.Success(queued);
            }, ct);
            return true;
        }
        catch (DuplicateKeyException)
        {
            return true; // another replica queued them a moment earlier
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAlertFailed(row.VenueId, e);
            return false; // tried again next second
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queueing the crowd alert of venue {VenueId} failed; trying again in a second")]
    private partial void LogAlertFailed(Guid venueId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading today's figures failed; trying again in a second")]
    private partial void LogPollFailed(Exception exception);
}
