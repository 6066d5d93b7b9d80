using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Notifications;

/// <summary>Why a booking ended, for the message's wording (the templates say it in each language).</summary>
public enum CancelledBy
{
    Tourist,
    Expiry,
    Closure,
}

/// <summary>Queues the messages a booking's change sends, inside that change's transaction: to the tourist by the
/// channels they chose, and to the venue's operator by email. Call it only where the change was won (a guarded
/// update that took its row), so each event queues once; the unique <see cref="OutboxMessage.DedupKey"/> is the
/// database's guarantee of that. A key names the event, not only the booking: an unpaid hold that expired, was
/// paid late and then cancelled by its tourist gets both cancellation messages.</summary>
public static class BookingMessages
{
    public const string Confirmed = "bookingConfirmed";
    public const string Cancelled = "bookingCancelled";
    public const string NewBooking = "newBooking";
    public const string CancelledForOperator = "bookingCancelledForOperator";
    public const string Reminder = "reminder";
    public const string RefundSucceeded = "refundSucceeded";
    public const string Rescheduled = "bookingRescheduled";
    public const string ClosureMoveOffered = "closureMoveOffered";
    public const string WeighOutReceipt = "weighOutReceipt";
    public const string CrowdAlert = "crowdAlert";

    /// <summary>Reminders go out at 18:00 the day before the visit, in the venue's time.</summary>
    public static readonly TimeOnly ReminderTime = new(18, 0);

    /// <summary>Reads what the messages of a booking's change need, then queues them and saves; for changes that
    /// do not already have these facts at hand. A message of the same event queued before is skipped.</summary>
    public static async Task QueueAsync(
        IAppDbContext tx, Booking booking, string touristTemplate, string? operatorTemplate, DateTimeOffset now, CancellationToken ct,
        long? refund = null, CancelledBy? cancelledBy = null, string? reason = null, int? occurrence = null, string? previousWhen = null)
    {
        var facts = await FactsAsync(tx, booking.OfferingId, booking.TouristId, ct);
        var messages = Build(booking, facts, touristTemplate, operatorTemplate, now, refund, cancelledBy, reason, occurrence, previousWhen);
        if (messages.Count == 0)
        {
            return;
        }

        // Already queued (the same event applied twice): skip it here rather than let the unique key abort the
        // change it belongs to.
        var keys = messages.Select(m => m.DedupKey).ToList();
        var queued = await tx.Outbox.Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct);
        messages.RemoveAll(m => queued.Contains(m.DedupKey));
        if (messages.Count > 0)
        {
            tx.Outbox.AddRange(messages);
            await tx.SaveChangesAsync(ct);
        }
    }

    /// <summary>Adds a new booking's confirmation, its reminder and the operator's notice to the context, to be
    /// saved by the booking's own SaveChanges. The facts were read before the transaction, so the writer thread
    /// spends nothing on reads here; a new booking's keys cannot have been queued before.</summary>
    public static void QueueNew(IAppDbContext tx, Booking booking, MessageFacts facts) =>
        tx.Outbox.AddRange(Build(booking, facts, Confirmed, NewBooking, booking.CreatedAt, null, null, null, null, null));

    /// <summary>The names, addresses and preferences the messages of a booking need.</summary>
    public static Task<MessageFacts> FactsAsync(IAppDbContext db, Guid offeringId, Guid touristId, CancellationToken ct) => (
            from o in db.Offerings
            join v in db.Venues on o.VenueId equals v.Id
            join op in db.Users on v.OperatorId equals op.Id
            from t in db.Users
            where o.Id == offeringId && t.Id == touristId
            select new MessageFacts(
                o.Name, o.NameEn, v.Name, v.NameEn, op.Id, op.Email,
                t.Email, t.EmailMuted, t.SmsWanted, t.VerifiedPhone, t.RemindersMuted))
        .AsNoTracking().SingleAsync(ct);

    private static List<OutboxMessage> Build(
        Booking booking, MessageFacts facts, string touristTemplate, string? operatorTemplate, DateTimeOffset now,
        long? refund, CancelledBy? cancelledBy, string? reason, int? occurrence, string? previousWhen)
    {
        var data = new MessageData
        {
            Reference = booking.Reference,
            Code = Codes.Format(booking.VerificationCode),
            Name = booking.ContactName,
            Offering = facts.Offering,
            OfferingEn = facts.OfferingEn ?? facts.Offering,
            Venue = facts.Venue,
            VenueEn = facts.VenueEn ?? facts.Venue,
            When = WhenOf(booking),
            PreviousWhen = previousWhen,
            Party = booking.PartySize.ToString(CultureInfo.InvariantCulture),
            Total = Yuan(booking.Total),
            Refund = refund is { } r ? Yuan(r) : null,
            CancelledBy = cancelledBy?.ToString().ToLowerInvariant(),
            Reason = reason ?? booking.MoveOfferReason,
            Until = booking.MoveOfferUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Link = $"/bookings/{booking.Id}",
            OperatorLink = $"/operator/venues/{booking.VenueId}/bookings?date={booking.Date:yyyy-MM-dd}",
        };
        var json = JsonSerializer.Serialize(data, MessageDataJson.Default.MessageData);
        var language = booking.Language;
        // The event in the key: a cancellation's cause, a move's number (a booking may be moved twice).
        var cause = cancelledBy is { } by ? ":" + by.ToString().ToLowerInvariant()
            : occurrence is { } n ? ":" + n.ToString(CultureInfo.InvariantCulture)
            : "";
        var messages = new List<OutboxMessage>(4);
        if (!facts.EmailMuted)
        {
            messages.Add(OutboxMessage.Queue($"{touristTemplate}:{booking.Id}{cause}:email", touristTemplate, MessageChannel.Email,
                booking.TouristId, facts.TouristEmail, language, booking.Id, json, now));
        }

        if (facts.SmsWanted && facts.TouristPhone is { } phone)
        {
            messages.Add(OutboxMessage.Queue($"{touristTemplate}:{booking.Id}{cause}:sms", touristTemplate, MessageChannel.Sms,
                booking.TouristId, phone, language, booking.Id, json, now));
        }

        // A confirmation (or a move) brings its reminder, due the evening before (none when that evening has passed
        // already); a reminder for a date the booking has left is skipped when due.
        var remindAt = ReminderDue(booking.Date);
        if (touristTemplate is Confirmed or Rescheduled && !facts.RemindersMuted && remindAt > now)
        {
            if (!facts.EmailMuted)
            {
                messages.Add(OutboxMessage.Queue($"{Reminder}:{booking.Id}:{booking.Date:yyyy-MM-dd}:email", Reminder, MessageChannel.Email,
                    booking.TouristId, facts.TouristEmail, language, booking.Id, json, now, remindAt));
            }

            if (facts.SmsWanted && facts.TouristPhone is { } remindPhone)
            {
                messages.Add(OutboxMessage.Queue($"{Reminder}:{booking.Id}:{booking.Date:yyyy-MM-dd}:sms", Reminder, MessageChannel.Sms,
                    booking.TouristId, remindPhone, language, booking.Id, json, now, remindAt));
            }
        }

        if (operatorTemplate is not null)
        {
            messages.Add(OutboxMessage.Queue($"{operatorTemplate}:{booking.Id}{cause}:email", operatorTemplate, MessageChannel.Email,
                facts.OperatorId, facts.OperatorEmail, "zh", booking.Id, json, now));
        }

        return messages;
    }

    /// <summary>The visit date a reminder was queued for, from its key (<c>reminder:{bookingId}:{yyyy-MM-dd}:{channel}</c>).</summary>
    public static DateOnly? ReminderDateOf(string dedupKey) =>
        dedupKey.Split(':') is [Reminder, _, var date, _]
        && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;

    /// <summary>When the reminder of a visit on <paramref name="date"/> goes out.</summary>
    public static DateTimeOffset ReminderDue(DateOnly date) => VenueTime.ToInstant(date.AddDays(-1), ReminderTime);

    /// <summary>"2026-09-21 14:00–16:00", or "2026-10-01 – 2026-10-03" (check-in to check-out) for a stay, in the venue's time.</summary>
    public static string WhenOf(Booking booking) => booking.StartTime is { } start
        ? $"{booking.Date:yyyy-MM-dd} {start:HH\\:mm}{(booking.EndTime is { } end ? $"–{end:HH\\:mm}" : "")}"
        : $"{booking.Date:yyyy-MM-dd} – {booking.EndDate:yyyy-MM-dd}";

    internal static string Yuan(long fen) => "¥" + (fen / 100m).ToString(fen % 100 == 0 ? "0" : "0.00", CultureInfo.InvariantCulture);
}

/// <summary>What a booking's messages say and where they go, read in one query.</summary>
public sealed record MessageFacts(
    string Offering, string? OfferingEn, string Venue, string? VenueEn, Guid OperatorId, string OperatorEmail,
    string TouristEmail, bool EmailMuted, bool SmsWanted, string? TouristPhone, bool RemindersMuted);

/// <summary>The template variables of a booking's message, stored with it as JSON (camelCase names, as the
/// templates use them).</summary>
public sealed class MessageData
{
    public string? Reference { get; init; }
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Offering { get; init; }
    public string? OfferingEn { get; init; }
    public string? Venue { get; init; }
    public string? VenueEn { get; init; }
    public string? When { get; init; }
    public string? PreviousWhen { get; init; }
    public string? Party { get; init; }
    public string? Total { get; init; }
    public string? Refund { get; init; }
    public string? CancelledBy { get; init; }
    public string? Reason { get; init; }
    public string? Until { get; init; }
    public string? Link { get; init; }
    public string? OperatorLink { get; init; }

    /// <summary>A weigh-out receipt's lines, one a line ("柑橘 3.2 斤 × ¥6 = ¥19.20"), in Chinese and in English.</summary>
    public string? Lines { get; init; }
    public string? LinesEn { get; init; }
    public string? ReceiptTotal { get; init; }

    /// <summary><c>atGate</c> or <c>online</c>.</summary>
    public string? PaidBy { get; init; }

    /// <summary>A crowd alert's figures: people today (booked and walk-ins), the day's capacity, their ratio ("87%").</summary>
    public string? People { get; init; }
    public string? Capacity { get; init; }
    public string? Utilization { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MessageData))]
internal sealed partial class MessageDataJson : JsonSerializerContext;
