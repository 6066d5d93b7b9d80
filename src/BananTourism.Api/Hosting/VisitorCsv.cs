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

    private static readonly string[] Header = ["period", "key", "name", "booked", "checkedIn", "walkIns", "visitors", "revenueFen", "revenueYuan"];

    public static byte[] Write(VisitorReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
            WriteRecord(csv, Header);
            foreach (var r in report.Rows)
            {
                WriteRecord(csv,
                [
                    r.Period, r.Key ?? "", r.Name ?? "", Number(r.Booked), Number(r.CheckedIn), Number(r.WalkIns), Number(r.Visitors),
                    r.Revenue.Amount.ToString(CultureInfo.InvariantCulture), (r.Revenue.Amount / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                ]);
            }

            csv.Flush();
        }

        return buffer.ToArray();
    }

    private static void WriteRecord(CsvWriter csv, IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.EndRecord();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
