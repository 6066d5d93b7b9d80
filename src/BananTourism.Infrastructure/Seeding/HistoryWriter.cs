using System.Data.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Reports;
using BananTourism.Domain.Venues;
using BananTourism.Domain.Visits;
using BananTourism.Infrastructure.Persistence;

namespace BananTourism.Infrastructure.Seeding;

/// <summary>The history's rows on their way to the database, and the daily figures they make, kept as they are added
/// (the same rules as the booking transactions and the rebuild: a standing booking counts its party as booked, a
/// checked-in one its headcount as came, its money on its date).</summary>
internal sealed class HistoryWriter(AppDbContext db, string run)
{
    /// <summary>Names this run in the references it makes (its first day, yyMMdd).</summary>
    public string Run { get; } = run;

    private readonly Dictionary<(Guid Offering, DateOnly Date), (int Booked, int CheckedIn, long Revenue)> _days = [];

    public BulkTable<Booking> Bookings { get; } = new(db, new Dictionary<string, Func<Booking, object?>> { ["Lines"] = LinesJson });

    private BulkTable<WalkIn> WalkInRows { get; } = new(db);

    private BulkTable<VenueDay> VenueDays { get; } = new(db);

    private readonly BulkTable<OfferingDay> _figures = new(db);

    /// <summary>Bookings written so far.</summary>
    public int Flushed { get; private set; }

    public void Booking(Booking b)
    {
        Bookings.Add(b);
        var stands = b.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.NoShow;
        var c = _days.GetValueOrDefault((b.OfferingId, b.Date));
        _days[(b.OfferingId, b.Date)] = (
            c.Booked + (stands ? b.PartySize : 0), c.CheckedIn + (b.CheckedInHeadcount ?? 0), c.Revenue + BookingRevenue.Net(b));
    }

    public void WalkIns(Guid venueId, DateOnly date, int count, Guid recorder, DateTimeOffset at)
    {
        if (count > 0)
        {
            WalkInRows.Add(new WalkIn(venueId, date, count, recorder, at));
        }

        VenueDays.Add(new VenueDay(venueId, date, 0, count));
    }

    /// <summary>Milliseconds spent writing (the rest of the generator's time is making the rows).</summary>
    public long WritingMilliseconds { get; private set; }

    /// <summary>Writes what was added since the last flush, with the figures of its offering days: a flush ends a run of
    /// whole days, so each offering day is written once, complete.</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await Bookings.FlushAsync(connection, transaction, ct);
        await WalkInRows.FlushAsync(connection, transaction, ct);
        await VenueDays.FlushAsync(connection, transaction, ct);
        foreach (var ((offering, date), f) in _days.OrderBy(d => d.Key.Date))
        {
            _figures.Add(new OfferingDay(offering, date, f.Booked, f.CheckedIn, f.Revenue));
        }

        await _figures.FlushAsync(connection, transaction, ct);
        _days.Clear();
        Flushed = Bookings.Count;
        WritingMilliseconds += (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>The booking's lines as EF stores the owned collection (a JSON array of the lines' properties). A history
    /// booking has plain ticket lines, so the array is written directly rather than through a serializer.</summary>
    private static object? LinesJson(Booking b)
    {
        var json = new System.Text.StringBuilder("[");
        foreach (var l in b.Lines)
        {
            if (l.ExtraId is not null || l.Name is not null || l.NameEn is not null || l.Per is not null)
            {
                throw new NotSupportedException("History bookings have ticket lines only.");
            }

            json.Append(json.Length > 1 ? "," : "").Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{{\"Amount\":{l.Amount},\"Date\":\"{l.Date:yyyy-MM-dd}\",\"ExtraId\":null,\"Kind\":{(int)l.Kind},\"Name\":null,\"NameEn\":null,\"Per\":null,\"Quantity\":{l.Quantity},\"UnitPrice\":{l.UnitPrice}}}");
        }

        return json.Append(']').ToString();
    }
}
