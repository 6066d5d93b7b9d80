using System.Text;
using System.Text.Json;
using BananTourism.Application.Bookings;
using BananTourism.Application.Common;
using BananTourism.Application.Notifications;
using BananTourism.Domain.Common;
using BananTourism.Domain.Notifications;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BananTourism.Infrastructure.Messaging;

/// <summary>Renders one outbox message and sends it by its channel: email over SMTP, SMS through the SMS port. Every
/// message sent is also copied to the pickup folder where one is set (development), and email with neither SMTP nor
/// a pickup folder cannot be sent (an error, so the dispatcher retries and finally reports it). Throws on failure.</summary>
public sealed partial class MessageSending(
    MessageTemplates templates, PickupFolder pickup, ISmsSender sms, IDocumentRenderer documents,
    TimeProvider clock, IHostEnvironment environment, ILogger<MessageSending> logger, SmtpEmailSender? smtp = null)
{
    /// <summary>Sends it; the subject (email) and text body as sent, to be kept (a secret masked).</summary>
    public async Task<(string? Subject, string Body)> SendAsync(AppDbContext db, OutboxMessage message, CancellationToken ct)
    {
        var data = Data(message);
        if (message.Channel == MessageChannel.Sms)
        {
            var text = Render(message, "sms", data);
            var sent = await sms.SendAsync(new SmsMessage(message.Id, message.Template, message.To, text, data
                .Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!)), ct);
            if (!sent.IsSuccess)
            {
                throw new MessageNotSentException($"SMS not sent: {sent.FirstError.Code}");
            }

            return (null, Masked(message, text, data));
        }

        var subject = Render(message, "subject", data);
        var body = Render(message, "text", data);
        var html = templates.Render(message.Template, message.Language, "html", data);
        if (smtp is null && !pickup.Enabled)
        {
            throw new MessageNotSentException("No SMTP server (Notifications:Smtp:Host) and no pickup folder are configured.");
        }

        if (smtp is not null)
        {
            var attachments = message.Template == BookingMessages.Confirmed && message.BookingId is { } bookingId
                ? await TicketAsync(db, bookingId, ct)
                : [];
            await smtp.SendAsync(new EmailMessage(message.Id, message.To, subject, body, html, attachments), ct);
        }

        await pickup.WriteAsync(new PickupMessage(message.Id, message.Template, "email", message.To, subject, body, message.BookingId), ct);
        if (environment.IsDevelopment())
        {
            LogEmail(message.Template, message.To, subject);
        }

        return (subject, Masked(message, body, data));
    }

    /// <summary>What a pending message will say (secrets masked), or nulls when its template cannot render it.</summary>
    public (string? Subject, string? Body) Preview(OutboxMessage message)
    {
        var data = Data(message);
        var subject = message.Channel == MessageChannel.Email ? templates.Render(message.Template, message.Language, "subject", data) : null;
        var body = templates.Render(message.Template, message.Language, message.Channel == MessageChannel.Email ? "text" : "sms", data);
        return (subject, body is null ? null : Masked(message, body, data));
    }

    private static Dictionary<string, string?> Data(OutboxMessage message) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(message.Data) ?? [];

    /// <summary>A phone code is for the phone, not for whoever reads the account's messages: kept as ••••••.</summary>
    private static string Masked(OutboxMessage message, string text, Dictionary<string, string?> data) =>
        message.CarriesSecret && data.GetValueOrDefault("code") is { Length: > 0 } code ? text.Replace(code, "••••••", StringComparison.Ordinal) : text;

    private string Render(OutboxMessage message, string part, IReadOnlyDictionary<string, string?> data) =>
        templates.Render(message.Template, message.Language, part, data)
        ?? throw new MessageNotSentException($"The template {message.Template} has no {part} part.");

    /// <summary>The booking's calendar file and QR code, for the confirmation.</summary>
    private async Task<IReadOnlyList<EmailAttachment>> TicketAsync(AppDbContext db, Guid bookingId, CancellationToken ct)
    {
        var found = await (
                from b in db.Bookings
                join o in db.Offerings on b.OfferingId equals o.Id
                join v in db.Venues on b.VenueId equals v.Id
                where b.Id == bookingId
                select new { Booking = b, Offering = o.Name, Venue = v.Name })
            .AsNoTracking().SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return [];
        }

        var ics = documents.Calendar(found.Booking.Reference, [BookingCalendar.ToEntry(found.Booking, found.Offering, found.Venue, clock.GetUtcNow())]);
        var qr = documents.QrSvg(Codes.Format(found.Booking.VerificationCode));
        return
        [
            new EmailAttachment($"{found.Booking.Reference}.ics", "text/calendar; charset=utf-8", Encoding.UTF8.GetBytes(ics)),
            new EmailAttachment($"{found.Booking.Reference}-qr.svg", "image/svg+xml", Encoding.UTF8.GetBytes(qr)),
        ];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Template} to {To}: {Subject}")]
    private partial void LogEmail(string template, string to, string subject);
}

/// <summary>A message could not be sent (no channel, a provider's refusal); the dispatcher retries it.</summary>
public sealed class MessageNotSentException(string message) : Exception(message);
