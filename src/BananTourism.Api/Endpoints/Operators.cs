using BananTourism.Api.Hosting;
using BananTourism.Application.Bookings;
using BananTourism.Application.Bookings.GetOperatorCalendar;
using BananTourism.Application.Bookings.ListVenueBookings;
using BananTourism.Application.Bookings.MarkNoShow;
using BananTourism.Application.Catalog;
using BananTourism.Application.Common;
using BananTourism.Application.Offerings;
using BananTourism.Application.Offerings.ChangeSlotCapacity;
using BananTourism.Application.Offerings.CloseDates;
using BananTourism.Application.Offerings.CreateOffering;
using BananTourism.Application.Offerings.GenerateSchedule;
using BananTourism.Application.Offerings.ListVenueOfferings;
using BananTourism.Application.Offerings.PreviewClosure;
using BananTourism.Application.Offerings.UpdateOffering;
using BananTourism.Application.Venues;
using BananTourism.Application.Venues.CreateVenue;
using BananTourism.Application.Venues.ListMyVenues;
using BananTourism.Application.Venues.UpdateVenue;
using BananTourism.Application.Produce;
using BananTourism.Application.Produce.CreateWeighOut;
using BananTourism.Application.Produce.VoidWeighOut;
using BananTourism.Application.Visits.CheckIn;
using BananTourism.Domain.Produce;
using Microsoft.AspNetCore.Mvc;
using BananTourism.Application.Visits.ListWalkIns;
using BananTourism.Application.Visits.RecordWalkIn;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BananTourism.Api.Endpoints;

/// <summary>Farm-stay owners and project operators: their venues, offerings, schedules, closures, bookings,
/// check-ins at the gate and walk-ins. Another operator's ids answer 404.</summary>
public sealed class Operators : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/operator").WithTags("Operators").RequireAuthorization(AuthSetup.Operator);
        group.MapGet("/venues", ListMyVenues).WithName(nameof(ListMyVenues));
        group.MapPost("/venues", CreateVenue).WithName(nameof(CreateVenue));
        group.MapPut("/venues/{id:guid}", UpdateVenue).WithName(nameof(UpdateVenue));
        group.MapGet("/venues/{id:guid}/offerings", ListVenueOfferings).WithName(nameof(ListVenueOfferings));
        group.MapPost("/venues/{id:guid}/offerings", CreateOffering).WithName(nameof(CreateOffering));
        group.MapPut("/offerings/{id:guid}", UpdateOffering).WithName(nameof(UpdateOffering));
        group.MapPost("/offerings/{id:guid}/schedule", GenerateSchedule).WithName(nameof(GenerateSchedule));
        group.MapPut("/slots/{slotId:guid}", ChangeSlotCapacity).WithName(nameof(ChangeSlotCapacity));
        group.MapPost("/offerings/{id:guid}/closures", CloseDates).WithName(nameof(CloseDates));
        group.MapGet("/offerings/{id:guid}/closures/preview", PreviewClosure).WithName(nameof(PreviewClosure));
        group.MapGet("/bookings", ListVenueBookings).WithName(nameof(ListVenueBookings));
        group.MapPost("/check-ins", CheckIn).WithName(nameof(CheckIn));
        group.MapPost("/bookings/{id:guid}/no-show", MarkNoShow).WithName(nameof(MarkNoShow));
        group.MapPost("/walk-ins", RecordWalkIn).WithName(nameof(RecordWalkIn));
        group.MapGet("/walk-ins", ListWalkIns).WithName(nameof(ListWalkIns));
        group.MapPost("/bookings/{id:guid}/weigh-outs", CreateWeighOut).WithName(nameof(CreateWeighOut));
        group.MapDelete("/weigh-outs/{id:guid}", VoidWeighOut).WithName(nameof(VoidWeighOut));
        group.MapGet("/calendar.ics", GetOperatorCalendar).WithName(nameof(GetOperatorCalendar));
    }

    public static async Task<Results<Ok<IReadOnlyList<VenueSummary>>, ProblemHttpResult>> ListMyVenues(ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListMyVenues(), ct)).ToOk();

    public static async Task<Results<Created<VenueSummary>, ProblemHttpResult>> CreateVenue(VenueBody body, ISender sender, CancellationToken ct) =>
        (await sender.Send(new CreateVenue(body), ct)).ToCreated(v => $"/api/v1/venues/{v.Id}");

    public static async Task<Results<Ok<VenueSummary>, ProblemHttpResult>> UpdateVenue(Guid id, VenueBody body, ISender sender, CancellationToken ct) =>
        (await sender.Send(new UpdateVenue(id, body), ct)).ToOk();

    public static async Task<Results<Ok<IReadOnlyList<OperatorOffering>>, ProblemHttpResult>> ListVenueOfferings(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListVenueOfferings(id), ct)).ToOk();

    public static async Task<Results<Created<OperatorOffering>, ProblemHttpResult>> CreateOffering(Guid id, OfferingBody body, ISender sender, CancellationToken ct) =>
        (await sender.Send(new CreateOffering(id, body), ct)).ToCreated(o => $"/api/v1/offerings/{o.Id}");

    public static async Task<Results<Ok<OperatorOffering>, ProblemHttpResult>> UpdateOffering(Guid id, OfferingBody body, ISender sender, CancellationToken ct) =>
        (await sender.Send(new UpdateOffering(id, body), ct)).ToOk();

    public static async Task<Results<Ok<ScheduleResult>, ProblemHttpResult>> GenerateSchedule(Guid id, ScheduleBody body, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GenerateSchedule(id, body), ct)).ToOk();

    public static async Task<Results<Ok<SlotDto>, ProblemHttpResult>> ChangeSlotCapacity(Guid slotId, SlotCapacityBody body, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ChangeSlotCapacity(slotId, body), ct)).ToOk();

    public static async Task<Results<Ok<ClosureResult>, ProblemHttpResult>> CloseDates(Guid id, ClosureBody body, ISender sender, CancellationToken ct) =>
        (await sender.Send(new CloseDates(id, body), ct)).ToOk();

    public static async Task<Results<Ok<ClosureResult>, ProblemHttpResult>> PreviewClosure(
        Guid id, DateOnly? from, DateOnly? to, Guid? slotId, string? mode, DateOnly? moveUntil, ISender sender, CancellationToken ct)
    {
        // Spelled as in the body ("cancel", "offerMove"), which the query binder would take only in PascalCase.
        if (mode is not null && (!Enum.TryParse<ClosureMode>(mode, ignoreCase: true, out _) || int.TryParse(mode, out _)))
        {
            return Result<ClosureResult>.Failure([Error.Validation("mode", "mode is cancel or offerMove.")]).ToOk();
        }

        var parsed = mode is null ? (ClosureMode?)null : Enum.Parse<ClosureMode>(mode, ignoreCase: true);
        return (await sender.Send(new PreviewClosure(id, from, to, slotId, parsed, moveUntil), ct)).ToOk();
    }

    public static async Task<Results<Ok<PagedList<BookingDto>>, ProblemHttpResult>> ListVenueBookings(
        Guid? venueId, DateOnly? date, EnumQuery<BookingStatus>? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListVenueBookings(venueId, date, status?.Value, page, pageSize), ct)).ToOk();

    public static async Task<Results<Ok<CheckInResult>, ProblemHttpResult>> CheckIn(CheckIn command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToOk();

    /// <summary>201 with the receipt; a retry with the same Idempotency-Key and body answers the same receipt.</summary>
    public static async Task<Results<Created<WeighOutDto>, ProblemHttpResult>> CreateWeighOut(
        Guid id, WeighOutBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ISender sender, CancellationToken ct) =>
        (await sender.Send(new CreateWeighOut(id, body.Items, body.Collect) { IdempotencyKey = idempotencyKey }, ct))
        .Match<Results<Created<WeighOutDto>, ProblemHttpResult>>(
            created => TypedResults.Created($"/api/v1/bookings/{id}/weigh-outs", created.WeighOut),
            errors => errors.ToProblem());

    public static async Task<Results<NoContent, ProblemHttpResult>> VoidWeighOut(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new VoidWeighOut(id), ct)).ToNoContent();

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> MarkNoShow(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new MarkNoShow(id), ct)).ToOk();

    public static async Task<Results<Created<WalkInRecorded>, ProblemHttpResult>> RecordWalkIn(RecordWalkIn command, ISender sender, CancellationToken ct) =>
        (await sender.Send(command, ct)).ToCreated(w => $"/api/v1/operator/walk-ins?venueId={w.Entry.VenueId}&date={w.Entry.Date:yyyy-MM-dd}");

    public static async Task<Results<Ok<WalkInDay>, ProblemHttpResult>> ListWalkIns(Guid venueId, DateOnly date, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListWalkIns(venueId, date), ct)).ToOk();

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetOperatorCalendar(Guid? venueId, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetOperatorCalendar(venueId), ct)).ToFile();
}

/// <summary>The body of a weigh-out: the products and quantities, and where the money is taken.</summary>
public sealed record WeighOutBody(IReadOnlyList<WeighOutItem> Items, Collect Collect);
