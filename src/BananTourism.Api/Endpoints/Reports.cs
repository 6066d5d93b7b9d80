using BananTourism.Application.Reports.GetProduceReport;
using BananTourism.Api.Hosting;
using BananTourism.Application.Reports.GetOccupancyReport;
using BananTourism.Application.Reports.GetVisitorReport;
using BananTourism.Application.Reports;
using BananTourism.Application.Reports.GetToday;
using BananTourism.Application.Reports.RebuildDailyStats;
using BananTourism.Domain.Venues;
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
        group.MapGet("/produce", GetProduceReport).WithName(nameof(GetProduceReport));
        group.MapGet("/occupancy", GetOccupancyReport).WithName(nameof(GetOccupancyReport));
        var today = app.MapGroup("/api/v1/reports/today").WithTags("Reports").RequireAuthorization(AuthSetup.TodayBoard);
        today.MapGet("", GetToday).WithName(nameof(GetToday));
        today.MapGet("/stream", TodayStream.StreamAsync).WithName("GetTodayStream").ExcludeFromDescription();
        // The same stream for the web pages, on their cookie (the API takes only bearer tokens).
        app.MapGet("/today/stream", TodayStream.StreamAsync).RequireAuthorization(AuthSetup.TodayBoard).ExcludeFromDescription();
        app.MapPost("/api/v1/admin/reports/rebuild", RebuildDailyStats).WithTags("Admin").WithName(nameof(RebuildDailyStats))
            .RequireAuthorization(AuthSetup.Admin);
    }

    public static async Task<Results<Ok<VisitorReport>, ProblemHttpResult>> GetVisitorReport(
        DateOnly? from, DateOnly? to, EnumQuery<Period>? groupBy, Guid? townshipId, Guid? villageId, Guid? venueId,
        EnumQuery<Category>? category, EnumQuery<Breakdown>? by, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetVisitorReport(from, to, groupBy?.Value, townshipId, villageId, venueId, category?.Value, by?.Value), ct)).ToOk();

    /// <summary>The same report as CSV (<see cref="VisitorCsv"/>).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetVisitorReportCsv(
        DateOnly? from, DateOnly? to, EnumQuery<Period>? groupBy, Guid? townshipId, Guid? villageId, Guid? venueId,
        EnumQuery<Category>? category, EnumQuery<Breakdown>? by, ISender sender, CancellationToken ct)
    {
        var report = await sender.Send(new GetVisitorReport(from, to, groupBy?.Value, townshipId, villageId, venueId, category?.Value, by?.Value), ct);
        if (!report.IsSuccess)
        {
            return report.Errors.ToProblem();
        }

        return TypedResults.File(VisitorCsv.Write(report.Value), VisitorCsv.ContentType, "visitors.csv");
    }

    public static async Task<Results<Ok<ProduceReport>, ProblemHttpResult>> GetProduceReport(
        DateOnly? from, DateOnly? to, EnumQuery<Period>? groupBy, EnumQuery<Breakdown>? by, Guid? townshipId, Guid? villageId, Guid? venueId,
        ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetProduceReport(from, to, groupBy?.Value, by?.Value, townshipId, villageId, venueId), ct)).ToOk();

    public static async Task<Results<Ok<IReadOnlyList<OccupancyRow>>, ProblemHttpResult>> GetOccupancyReport(
        DateOnly? from, DateOnly? to, Guid? venueId, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetOccupancyReport(from, to, venueId), ct)).ToOk();

    public static async Task<Results<Ok<TodayReport>, ProblemHttpResult>> GetToday(Guid? townshipId, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetToday(townshipId), ct)).ToOk();

    public static async Task<Results<Ok<RebuildReport>, ProblemHttpResult>> RebuildDailyStats(ISender sender, CancellationToken ct) =>
        (await sender.Send(new RebuildDailyStats(), ct)).ToOk();
}
