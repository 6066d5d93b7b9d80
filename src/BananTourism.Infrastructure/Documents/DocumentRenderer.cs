using BananTourism.Application.Common;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using QRCoder;

namespace BananTourism.Infrastructure.Documents;

/// <summary>QR codes by QRCoder, calendars by Ical.Net.</summary>
internal sealed class DocumentRenderer : IDocumentRenderer
{
    public string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(8);
    }

    public string Calendar(string name, IEnumerable<CalendarEntry> entries)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//BananTourism//Bookings//ZH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var e in entries)
        {
            var ev = new CalendarEvent
            {
                Uid = e.Uid,
                Summary = e.Summary,
                Description = e.Description,
                Location = e.Location,
                DtStamp = new CalDateTime(e.Stamp.UtcDateTime, "UTC"),
            };
            if (e.Start is { } start && e.End is { } end)
            {
                ev.DtStart = new CalDateTime(start.UtcDateTime, "UTC");
                ev.DtEnd = new CalDateTime(end.UtcDateTime, "UTC");
            }
            else
            {
                ev.DtStart = new CalDateTime(e.AllDayFrom!.Value);
                ev.DtEnd = new CalDateTime(e.AllDayTo!.Value);
            }

            calendar.Events.Add(ev);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
