using System.Globalization;
using System.Text;
using System.Text.Json;
using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Notifications;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Produce;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Notifications;

/// <summary>The email receipt of a weigh-out (过秤单), queued in the transaction where its money became the farm's: made at
/// the stall, or paid online. It goes out once the receipt is final, when its void window has passed, and is skipped
/// if the receipt was voided by then: the tourist gets one receipt that stands, never a receipt and then its undoing.
/// Email only: a receipt is too long for an SMS and the page shows it at once.</summary>
public static class ReceiptMessages
{
    /// <summary>Adds the receipt's email to the context, to be saved by the caller's SaveChanges.</summary>
    public static void Queue(IAppDbContext tx, WeighOut weighOut, Booking booking, MessageFacts facts, DateTimeOffset now)
    {
        if (facts.EmailMuted)
        {
            return;
        }

        var data = new MessageData
        {
            Reference = booking.Reference,
            Name = booking.ContactName,
            Offering = facts.Offering,
            OfferingEn = facts.OfferingEn ?? facts.Offering,
            Venue = facts.Venue,
            VenueEn = facts.VenueEn ?? facts.Venue,
            When = weighOut.CreatedAt.ToOffset(VenueTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Lines = LinesOf(weighOut, english: false),
            LinesEn = LinesOf(weighOut, english: true),
            ReceiptTotal = BookingMessages.Yuan(weighOut.Total),
            PaidBy = weighOut.Collect == Collect.AtGate ? "atGate" : "online",
            Link = $"/bookings/{booking.Id}#receipts",
        };
        var final = weighOut.CreatedAt + WeighOut.VoidWindow;
        tx.Outbox.Add(OutboxMessage.Queue(
            KeyOf(weighOut.Id), BookingMessages.WeighOutReceipt, MessageChannel.Email, booking.TouristId, facts.TouristEmail,
            booking.Language, booking.Id, JsonSerializer.Serialize(data, MessageDataJson.Default.MessageData), now,
            final > now ? final : now));
    }

    /// <summary>Queues the receipt unless it was queued before (a payment reported twice); saves.</summary>
    public static async Task QueueOnceAsync(IAppDbContext tx, WeighOut weighOut, DateTimeOffset now, CancellationToken ct)
    {
        var key = KeyOf(weighOut.Id);
        if (await tx.Outbox.AnyAsync(m => m.DedupKey == key, ct))
        {
            return;
        }

        var booking = await tx.Bookings.AsNoTracking().SingleAsync(b => b.Id == weighOut.BookingId, ct);
        Queue(tx, weighOut, booking, await BookingMessages.FactsAsync(tx, booking.OfferingId, booking.TouristId, ct), now);
        await tx.SaveChangesAsync(ct);
    }

    /// <summary>The receipt a message is about, from its key (<c>weighOutReceipt:{weighOutId}:email</c>).</summary>
    public static Guid? WeighOutIdOf(string dedupKey) =>
        dedupKey.Split(':') is [BookingMessages.WeighOutReceipt, var id, _] && Guid.TryParse(id, out var parsed) ? parsed : null;

    private static string KeyOf(Guid weighOutId) => $"{BookingMessages.WeighOutReceipt}:{weighOutId}:email";

    private static string LinesOf(WeighOut weighOut, bool english)
    {
        var text = new StringBuilder();
        foreach (var line in weighOut.Lines)
        {
            var name = english ? line.NameEn ?? line.Name : line.Name;
            var quantity = new Quantity(line.QuantityThousandths).Value.ToString("0.###", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture,
                $"{name} {quantity} {UnitName(line.Unit, english)} × {BookingMessages.Yuan(line.UnitPrice)} = {BookingMessages.Yuan(line.Amount)}\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string UnitName(ProduceUnit unit, bool english) => unit switch
    {
        ProduceUnit.Jin => english ? "jin" : "斤",
        ProduceUnit.Kg => "kg",
        ProduceUnit.Stem => english ? "stems" : "枝",
        ProduceUnit.Piece => english ? "pieces" : "个",
    };
}
