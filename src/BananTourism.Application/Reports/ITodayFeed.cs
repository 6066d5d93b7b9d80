using System.Threading.Channels;
using BananTourism.Application.Reports.GetToday;

namespace BananTourism.Application.Reports;

/// <summary>Today's venue rows as they change, for the live board: each process polls the database once a second
/// (so a check-in made on any replica is seen by every replica's streams) and hands each subscriber the rows of its
/// scope that changed.</summary>
public interface ITodayFeed
{
    TodaySubscription Subscribe(TodayScope scope);
}

/// <summary>A stream's rows: the latest of each venue that changed since the reader last took them. A row is the
/// venue's whole state, so a slow reader skips the states it had no time for and never falls behind by more than one
/// row per venue, however long it stalls; the watcher never waits for it. Disposing it stops the rows.</summary>
public sealed class TodaySubscription(Action unsubscribe) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Dictionary<Guid, TodayVenueRow> _latest = [];

    /// <summary>Called by the feed: the venue's row replaces whatever of it the reader has not taken yet.</summary>
    public void Post(TodayVenueRow row)
    {
        lock (_gate)
        {
            _latest[row.VenueId] = row;
        }

        _signal.Writer.TryWrite(true);
    }

    /// <summary>Called by the feed when it stops: a waiting reader is told there is nothing more.</summary>
    public void Complete() => _signal.Writer.TryComplete();

    /// <summary>True when rows may be waiting; false once the feed has stopped.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken ct) => _signal.Reader.WaitToReadAsync(ct);

    /// <summary>The rows posted since the last take, one per venue, in the order the venues first changed.</summary>
    public IReadOnlyCollection<TodayVenueRow> Take()
    {
        // The signal first: a row posted after this point signals again, so it is never left behind.
        _signal.Reader.TryRead(out _);
        lock (_gate)
        {
            var rows = _latest;
            _latest = [];
            return rows.Values;
        }
    }

    public void Dispose() => unsubscribe();
}
