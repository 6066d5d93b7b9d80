using System.Diagnostics;
using System.Diagnostics.Metrics;
using BananTourism.Application.Bookings.CreateBooking;
using BananTourism.Domain.Common;

namespace BananTourism.Application.Common;

/// <summary>The business figures an operator watches from outside (exported as <c>banan_*</c> on /metrics):
/// bookings by outcome and refusal code, holds expired, webhook lag, messages by status, scheduled job runs.
/// Counted per replica; Prometheus sums them.</summary>
public sealed class BananMetrics
{
    public const string MeterName = "BananTourism";

    /// <summary>Traces of the background jobs, so their log lines carry a trace id like a request's.</summary>
    public static readonly ActivitySource Jobs = new(JobsSourceName);

    public const string JobsSourceName = "BananTourism.Jobs";

    private readonly Counter<long> _bookings;
    private readonly Counter<long> _holdsExpired;
    private readonly Histogram<double> _webhookLag;
    private readonly Counter<long> _notifications;
    private readonly Counter<long> _jobRuns;

    public BananMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _bookings = meter.CreateCounter<long>("banan.bookings", description: "Booking requests decided, by outcome (confirmed, held, replayed, refused) and refusal code");
        _holdsExpired = meter.CreateCounter<long>("banan.holds.expired", description: "Unpaid holds expired and put back on sale");
        _webhookLag = meter.CreateHistogram<double>("banan.payments.webhook.lag", unit: "s",
            description: "Seconds from the payment provider creating an event to this service applying it",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600] });
        _notifications = meter.CreateCounter<long>("banan.notifications", description: "Messages to people, by channel and status (sent, failed)");
        _jobRuns = meter.CreateCounter<long>("banan.jobs.runs", description: "Scheduled job runs this replica won, by job");
    }

    public void BookingDecided(Result<CreatedBooking> result)
    {
        var (outcome, code) = result.IsSuccess
            ? (result.Value.Replayed ? "replayed" : result.Value.Booking.Status.ToString().ToLowerInvariant(), "")
            : ("refused", result.FirstError.Code);
        _bookings.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("code", code));
    }

    public void HoldExpired() => _holdsExpired.Add(1);

    public void WebhookApplied(TimeSpan lag) => _webhookLag.Record(Math.Max(0, lag.TotalSeconds));

    public void Notification(string channel, string status) =>
        _notifications.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("status", status));

    public void JobRan(string job) => _jobRuns.Add(1, new KeyValuePair<string, object?>("job", job));
}
