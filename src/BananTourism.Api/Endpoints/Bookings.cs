using BananTourism.Application.Produce;
using BananTourism.Application.Produce.ListWeighOuts;
using BananTourism.Api.Hosting;
using BananTourism.Application.Bookings;
using BananTourism.Application.Bookings.CancelBooking;
using BananTourism.Application.Bookings.CreateBooking;
using BananTourism.Application.Bookings.GetBooking;
using BananTourism.Application.Bookings.GetBookingCalendar;
using BananTourism.Application.Bookings.GetTicket;
using BananTourism.Application.Bookings.ListMyBookings;
using BananTourism.Application.Bookings.PreviewReschedule;
using BananTourism.Application.Bookings.RescheduleBooking;
using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BananTourism.Api.Endpoints;

/// <summary>Tourists book, see, cancel and download their bookings.</summary>
public sealed class Bookings : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Bookings");
        group.MapPost("/bookings", CreateBooking).WithName(nameof(CreateBooking))
            .RequireAuthorization(AuthSetup.Tourist).RequireRateLimiting(RateLimits.Bookings);
        group.MapGet("/bookings/{id:guid}", GetBooking).WithName(nameof(GetBooking)).RequireAuthorization();
        group.MapGet("/me/bookings", ListMyBookings).WithName(nameof(ListMyBookings)).RequireAuthorization(AuthSetup.Tourist);
        group.MapPost("/bookings/{id:guid}/cancel", CancelBooking).WithName(nameof(CancelBooking))
            .RequireAuthorization(AuthSetup.Tourist).RequireRateLimiting(RateLimits.Bookings);
        group.MapGet("/bookings/{id:guid}/reschedule-preview", PreviewReschedule).WithName(nameof(PreviewReschedule))
            .RequireAuthorization(AuthSetup.Tourist);
        group.MapPost("/bookings/{id:guid}/reschedule", RescheduleBooking).WithName(nameof(RescheduleBooking))
            .RequireAuthorization(AuthSetup.Tourist).RequireRateLimiting(RateLimits.Bookings);
        group.MapGet("/bookings/{id:guid}/weigh-outs", ListWeighOuts).WithName(nameof(ListWeighOuts)).RequireAuthorization();
        group.MapGet("/bookings/{id:guid}/ticket.svg", GetTicket).WithName(nameof(GetTicket)).RequireAuthorization(AuthSetup.Tourist);
        group.MapGet("/bookings/{id:guid}/calendar.ics", GetBookingCalendar).WithName(nameof(GetBookingCalendar))
            .RequireAuthorization(AuthSetup.Tourist);
    }

    /// <summary>201 with the booking; a retry with the same Idempotency-Key and body answers the same booking.</summary>
    public static async Task<Results<Created<BookingDto>, ProblemHttpResult>> CreateBooking(
        CreateBooking command, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpRequest request, ISender sender,
        CancellationToken ct) =>
        (await sender.Send(command with { IdempotencyKey = idempotencyKey, Language = MessageLanguage.Of(request) }, ct))
        .Match<Results<Created<BookingDto>, ProblemHttpResult>>(
            created => TypedResults.Created($"/api/v1/bookings/{created.Booking.Id}", created.Booking),
            errors => errors.ToProblem());

    public static async Task<Results<Ok<IReadOnlyList<WeighOutDto>>, ProblemHttpResult>> ListWeighOuts(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListWeighOuts(id), ct)).ToOk();

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> GetBooking(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetBooking(id), ct)).ToOk();

    public static async Task<Results<Ok<PagedList<BookingDto>>, ProblemHttpResult>> ListMyBookings(
        EnumQuery<BookingStatus>? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListMyBookings(status?.Value, page, pageSize), ct)).ToOk();

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> CancelBooking(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new CancelBooking(id), ct)).ToOk();

    /// <summary>?slotId= for a session, or ?checkIn=&amp;checkOut= for nights.</summary>
    public static async Task<Results<Ok<ReschedulePreview>, ProblemHttpResult>> PreviewReschedule(
        Guid id, Guid? slotId, DateOnly? checkIn, DateOnly? checkOut, ISender sender, CancellationToken ct) =>
        (await sender.Send(new PreviewReschedule(id, slotId, checkIn, checkOut), ct)).ToOk();

    /// <summary>200 with the booking at its new place; a retry with the same Idempotency-Key and body answers the same.</summary>
    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> RescheduleBooking(
        Guid id, RescheduleBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RescheduleBooking(id, body.SlotId, body.CheckIn, body.CheckOut) { IdempotencyKey = idempotencyKey }, ct)).ToOk();

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetTicket(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetTicket(id), ct)).ToFile();

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetBookingCalendar(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetBookingCalendar(id), ct)).ToFile();
}

/// <summary>The new place: <c>{slotId}</c>, or <c>{checkIn, checkOut}</c> for nights (same units and party).</summary>
public sealed record RescheduleBody(Guid? SlotId, DateOnly? CheckIn, DateOnly? CheckOut);
