using BananTourism.Application.Reports;
using BananTourism.Domain.Venues;

namespace BananTourism.Domain.Tests;

/// <summary>A live board's stream whose client reads slowly: it must end with every venue's latest row, however many
/// changes of other venues came in between (each row is the venue's whole state, so older ones may be skipped).</summary>
public class TodaySubscriptionTests
{
    private static TodayVenueRow Row(Guid venue, int booked) =>
        new(venue, "V", null, Guid.Empty, Guid.Empty, Guid.Empty, null, 100, booked, 0, 0, booked, 100 - booked, booked / 100m, CrowdLevel.Comfortable);

    [Fact]
    public async Task ASlowReader_GetsEveryVenuesLatestRow_AfterThousandsOfChangesOfOthers()
    {
        using var subscription = new TodaySubscription(() => { });
        var quiet = Guid.NewGuid();
        subscription.Post(Row(quiet, 7)); // changed once, long ago
        var busy = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();
        for (var second = 0; second < 100; second++)
        {
            foreach (var venue in busy)
            {
                subscription.Post(Row(venue, second));
            }
        }

        Assert.True(await subscription.WaitToReadAsync(TestContext.Current.CancellationToken));
        var rows = subscription.Take();
        Assert.Equal(51, rows.Count);
        Assert.Equal(7, rows.Single(r => r.VenueId == quiet).Booked);
        Assert.All(rows.Where(r => r.VenueId != quiet), r => Assert.Equal(99, r.Booked));
        Assert.Empty(subscription.Take());
    }

    [Fact]
    public async Task AReaderWaiting_IsWokenByARow_AndEndsWhenTheFeedCloses()
    {
        var subscription = new TodaySubscription(() => { });
        var waiting = subscription.WaitToReadAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(waiting.IsCompleted);
        subscription.Post(Row(Guid.NewGuid(), 1));
        Assert.True(await waiting);
        Assert.Single(subscription.Take());

        subscription.Complete();
        Assert.False(await subscription.WaitToReadAsync(TestContext.Current.CancellationToken));
    }
}
