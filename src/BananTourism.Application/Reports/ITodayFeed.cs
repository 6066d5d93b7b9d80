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

/// <summary>A stream's rows; disposing it stops them.</summary>
public sealed class TodaySubscription(ChannelReader<TodayVenueRow> rows, Action unsubscribe) : IDisposable
{
    public ChannelReader<TodayVenueRow> Rows { get; } = rows;

    public void Dispose() => unsubscribe();
}
