using BananTourism.Api.Hosting;
using BananTourism.Application.Calendar.AddHoliday;
using BananTourism.Application.Calendar.ListHolidays;
using BananTourism.Application.Calendar.RemoveHoliday;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BananTourism.Api.Endpoints;

/// <summary>Public holidays (法定节假日), on which holiday prices apply; admins keep the table current.</summary>
public sealed class Holidays : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/holidays", ListHolidays).WithTags("Catalog").WithName(nameof(ListHolidays)).AllowAnonymous()
            .WithDescription("The public holidays (法定节假日) on which holiday prices apply.");
        var admin = app.MapGroup("/api/v1/admin/holidays").WithTags("Admin").RequireAuthorization(AuthSetup.Admin);
        admin.MapPost("", AddHoliday).WithName(nameof(AddHoliday));
        admin.MapDelete("/{date}", RemoveHoliday).WithName(nameof(RemoveHoliday));
    }

    public static async Task<Results<Ok<IReadOnlyList<HolidayDto>>, ProblemHttpResult>> ListHolidays(
        int? year, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListHolidays(year), ct)).ToOk();

    public static async Task<Results<Created<HolidayDto>, ProblemHttpResult>> AddHoliday(
        AddHoliday command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToCreated(h => $"/api/v1/holidays?year={h.Date.Year}");

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveHoliday(
        DateOnly date, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RemoveHoliday(date), ct)).ToNoContent();
}
