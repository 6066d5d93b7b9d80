using System.Globalization;
using System.Text;
using BananTourism.Application.Reports.GetVisitorReport;
using CsvHelper;

namespace BananTourism.Api.Hosting;

/// <summary>The visitor report as CSV, for the API and the officers' dashboard alike: UTF-8 with a byte-order
/// mark so Excel and WPS read the Chinese names.</summary>
public static class VisitorCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header = ["period", "key", "name", "booked", "checkedIn", "walkIns", "visitors", "revenueFen", "revenueYuan", "ticketRevenueFen", "extrasRevenueFen", "produceRevenueFen"];

    /// <summary>Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR: a venue named
    /// <c>=HYPERLINK(…)</c>) are written with a leading apostrophe, so Excel and WPS show them as text; numbers are
    /// written as numbers.</summary>
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Write(VisitorReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
            foreach (var title in Header)
            {
                csv.WriteField(title);
            }

            csv.EndRecord();
            foreach (var r in report.Rows)
            {
                csv.WriteField(r.Period);
                csv.WriteField(r.Key ?? "");
                csv.WriteField(r.Name ?? "");
                csv.WriteField(r.Booked, default);
                csv.WriteField(r.CheckedIn, default);
                csv.WriteField(r.WalkIns, default);
                csv.WriteField(r.Visitors, default);
                csv.WriteField(r.Revenue.Amount, default);
                csv.WriteField(r.Revenue.Amount / 100m, "0.00");
                csv.WriteField(r.TicketRevenue.Amount, default);
                csv.WriteField(r.ExtrasRevenue.Amount, default);
                csv.WriteField(r.ProduceRevenue.Amount, default);
                csv.EndRecord();
            }

            csv.Flush();
        }

        return buffer.ToArray();
    }
}
