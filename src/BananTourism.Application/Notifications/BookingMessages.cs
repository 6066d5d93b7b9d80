using System.Globalization;
using System.Text.Json;
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

    /// <summary>Reminders go out at 18:00 the day before the visit, in the venue's time.</summary>
    public static readonly TimeOnly ReminderTime = new(18, 0);

    public static async Task QueueAsync(
        IAppDbContext tx, Booking booking, string touristTemplate, string? operatorTemplate, DateTimeOffset now, CancellationToken ct,
        long? refund = null, CancelledBy? cancelledBy = null, string? reason = null, bool newBooking = false)
    {
        var facts = await (
                from o in tx.Offerings
                join v in tx.Venues on o.VenueId equals v.Id
                join op in tx.Users on v.OperatorId equals op.Id
                where o.Id == booking.OfferingId
                select new { Offering = o.Name, OfferingEn = o.NameEn, Venue = v.Name, VenueEn = v.NameEn, OperatorId = op.Id, OperatorEmail = op.Email })
            .AsNoTracking().SingleAsync(ct);
        var tourist = await tx.Users.AsNoTracking().Where(u => u.Id == booking.TouristId)
            .Select(u => new { u.Email, u.EmailMuted, u.SmsWanted, u.VerifiedPhone, u.Language, u.RemindersMuted })
            .SingleAsync(ct);

        var data = new Dictionary<string, string?>
        {
            ["reference"] = booking.Reference,
            ["code"] = Codes.Format(booking.VerificationCode),
            ["name"] = booking.ContactName,
            ["offering"] = facts.Offering,
            ["offeringEn"] = facts.OfferingEn ?? facts.Offering,
            ["venue"] = facts.Venue,
            ["venueEn"] = facts.VenueEn ?? facts.Venue,
            ["when"] = When(booking),
            ["party"] = booking.PartySize.ToString(CultureInfo.InvariantCulture),
            ["total"] = Yuan(booking.Total),
            ["refund"] = refund is { } r ? Yuan(r) : null,
            ["cancelledBy"] = cancelledBy?.ToString().ToLowerInvariant(),
            ["reason"] = reason,
            ["link"] = $"/bookings/{booking.Id}",
            ["operatorLink"] = $"/operator/venues/{booking.VenueId}/bookings?date={booking.Date:yyyy-MM-dd}",
        };
        var json = JsonSerializer.Serialize(data);
        var language = tourist.Language ?? "zh";
        var cause = cancelledBy is { } by ? ":" + by.ToString().ToLowerInvariant() : "";
        var messages = new List<OutboxMessage>();
        if (!tourist.EmailMuted)
        {
            messages.Add(OutboxMessage.Queue($"{touristTemplate}:{booking.Id}{cause}:email", touristTemplate, MessageChannel.Email,
                booking.TouristId, tourist.Email, language, booking.Id, json, now));
        }

        if (tourist.SmsWanted && tourist.VerifiedPhone is { } phone)
        {
            messages.Add(OutboxMessage.Queue($"{touristTemplate}:{booking.Id}{cause}:sms", touristTemplate, MessageChannel.Sms,
                booking.TouristId, phone, language, booking.Id, json, now));
        }

        // A confirmation brings its reminder, due the evening before (none when that evening has passed already).
        var remindAt = VenueTime.ToInstant(booking.Date.AddDays(-1), ReminderTime);
        if (touristTemplate == Confirmed && !tourist.RemindersMuted && remindAt > now)
        {
            if (!tourist.EmailMuted)
            {
                messages.Add(OutboxMessage.Queue($"{Reminder}:{booking.Id}:{booking.Date:yyyy-MM-dd}:email", Reminder, MessageChannel.Email,
                    booking.TouristId, tourist.Email, language, booking.Id, json, now, remindAt));
            }

            if (tourist.SmsWanted && tourist.VerifiedPhone is { } remindPhone)
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

        if (!newBooking && messages.Count > 0)
        {
            // Already queued (the same event applied twice): skip it here rather than let the unique key abort
            // the change it belongs to.
            var keys = messages.Select(m => m.DedupKey).ToList();
            var queued = await tx.Outbox.Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct);
            messages.RemoveAll(m => queued.Contains(m.DedupKey));
        }

        if (messages.Count > 0)
        {
            tx.Outbox.AddRange(messages);
            await tx.SaveChangesAsync(ct);
        }
    }

    /// <summary>"2026-09-21 14:00–16:00", or "2026-10-01 – 2026-10-03" (check-in to check-out) for a stay, in the venue's time.</summary>
    private static string When(Booking booking) => booking.StartTime is { } start
        ? $"{booking.Date:yyyy-MM-dd} {start:HH\\:mm}{(booking.EndTime is { } end ? $"–{end:HH\\:mm}" : "")}"
        : $"{booking.Date:yyyy-MM-dd} – {booking.EndDate:yyyy-MM-dd}";

    private static string Yuan(long fen) => "¥" + (fen / 100m).ToString(fen % 100 == 0 ? "0" : "0.00", CultureInfo.InvariantCulture);
}
