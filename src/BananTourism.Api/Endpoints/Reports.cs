using System.Globalization;
using System.Text;
using BananTourism.Api.Hosting;
using BananTourism.Application.Reports.GetOccupancyReport;
using BananTourism.Application.Reports.GetVisitorReport;
using BananTourism.Application.Reports.RebuildDailyStats;
using BananTourism.Domain.Venues;
using CsvHelper;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BananTourism.Api.Endpoints;

/// <summary>Visitor numbers and revenue for townships (officers: their own) and the district (admins).</summary>
public sealed class Reports : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(AuthSetup.Officer);
        group.MapGet("/visitors", GetVisitorReport).WithName(nameof(GetVisitorReport));
        group.MapGet("/visitors.csv", GetVisitorReportCsv).WithName(nameof(GetVisitorReportCsv));
        group.MapGet("/occupancy", GetOccupancyReport).WithName(nameof(GetOccupancyReport));
        app.MapPost("/api/v1/admin/reports/rebuild", RebuildDailyStats).WithTags("Admin").WithName(nameof(RebuildDailyStats))
            .RequireAuthorization(AuthSetup.Admin);
    }

    public static async Task<Results<Ok<VisitorReport>, ProblemHttpResult>> GetVisitorReport(
        DateOnly? from, DateOnly? to, EnumQuery<Period>? groupBy, Guid? townshipId, Guid? villageId, Guid? venueId,
        EnumQuery<Category>? category, EnumQuery<Breakdown>? by, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetVisitorReport(from, to, groupBy?.Value, townshipId, villageId, venueId, category?.Value, by?.Value), ct)).ToOk();

    /// <summary>The same report as CSV: UTF-8 with a byte-order mark so Excel and WPS read the Chinese names.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetVisitorReportCsv(
        DateOnly? from, DateOnly? to, EnumQuery<Period>? groupBy, Guid? townshipId, Guid? villageId, Guid? venueId,
        EnumQuery<Category>? category, EnumQuery<Breakdown>? by, ISender sender, CancellationToken ct)
    {
        var report = await sender.Send(new GetVisitorReport(from, to, groupBy?.Value, townshipId, villageId, venueId, category?.Value, by?.Value), ct);
        if (!report.IsSuccess)
        {
            return report.Errors.ToProblem();
        }

        using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
            foreach (var header in new[] { "period", "key", "name", "booked", "checkedIn", "walkIns", "visitors", "revenueFen", "revenueYuan" })
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var r in report.Value.Rows)
            {
                foreach (var field in new[]
                         {
                             r.Period, r.Key ?? "", r.Name ?? "", Number(r.Booked), Number(r.CheckedIn), Number(r.WalkIns), Number(r.Visitors),
                             r.Revenue.Amount.ToString(CultureInfo.InvariantCulture), (r.Revenue.Amount / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                         })
                {
                    csv.WriteField(field);
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", "visitors.csv");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static async Task<Results<Ok<IReadOnlyList<OccupancyRow>>, ProblemHttpResult>> GetOccupancyReport(
        DateOnly? from, DateOnly? to, Guid? venueId, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetOccupancyReport(from, to, venueId), ct)).ToOk();

    public static async Task<Results<Ok<RebuildReport>, ProblemHttpResult>> RebuildDailyStats(ISender sender, CancellationToken ct) =>
        (await sender.Send(new RebuildDailyStats(), ct)).ToOk();
}
