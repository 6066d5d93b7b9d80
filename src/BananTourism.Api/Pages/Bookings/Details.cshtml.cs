using BananTourism.Api.Hosting;
using BananTourism.Application.Bookings;
using BananTourism.Application.Bookings.GetBooking;
using BananTourism.Application.Bookings.GetBookingCalendar;
using BananTourism.Application.Bookings.GetTicket;
using BananTourism.Application.Payments.RetryPayment;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using BananTourism.Application.Produce;
using BananTourism.Application.Produce.ListWeighOuts;
using BananTourism.Domain.Produce;
using BananTourism.Infrastructure.Payments;

namespace BananTourism.Api.Pages.Bookings;

/// <summary>The confirmation: the code to show at the gate, its QR, the breakdown, and the calendar file.</summary>
[Authorize(Policy = AuthSetup.Tourist)]
[EnableRateLimiting(RateLimits.PageBookings)]
public sealed class DetailsModel(ISender sender, StripeOptions stripe) : PageModel
{
    public BookingDto Booking { get; private set; } = null!;

    /// <summary>The QR of the verification code, drawn on the server (QRCoder), once the booking is confirmed.</summary>
    public string? QrSvg { get; private set; }

    /// <summary>What was weighed out at the exit (过秤单), oldest first.</summary>
    public IReadOnlyList<WeighOutDto> Receipts { get; private set; } = [];

    /// <summary>The first receipt still to pay online, which the page offers to pay.</summary>
    public WeighOutDto? ReceiptToPay => Receipts.FirstOrDefault(r => r.Payment.Status == WeighOutStatus.Pending && r.Payment.ClientSecret is not null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var booking = await sender.Send(new GetBooking(id), ct);
        if (!booking.IsSuccess)
        {
            return NotFound();
        }

        Booking = booking.Value;
        if (Booking.Status == Domain.Bookings.BookingStatus.CheckedIn && await sender.Send(new ListWeighOuts(id), ct) is { IsSuccess: true } receipts)
        {
            Receipts = receipts.Value;
        }

        if (Booking.Status == Domain.Bookings.BookingStatus.CheckedIn
            && await sender.Send(new BananTourism.Application.Reviews.GetBookingReview.GetBookingReview(id), ct) is { IsSuccess: true } review)
        {
            Review = review.Value;
        }

        if ((Booking.Payment.ClientSecret is not null || ReceiptToPay is not null) && stripe.PagesCanPay)
        {
            SecurityHeaders.AllowStripe(HttpContext); // the page loads Stripe.js and its payment frames
        }
        if (Booking.VerificationCode is not null && await sender.Send(new GetTicket(id), ct) is { IsSuccess: true } ticket)
        {
            QrSvg = ticket.Value.Content;
        }

        return Page();
    }

    /// <summary>The tourist's review of this visit, once written.</summary>
    public BananTourism.Application.Reviews.ReviewDto? Review { get; private set; }

    /// <summary>Whether the review form shows its thanks (after a POST, back on a GET).</summary>
    public bool Reviewed => Request.Query.ContainsKey("reviewed");

    /// <summary>点评: stars and a few words, once the visit was checked in.</summary>
    public async Task<IActionResult> OnPostReviewAsync(Guid id, int? rating, string? text, CancellationToken ct)
    {
        var written = await sender.Send(new BananTourism.Application.Reviews.ReviewBooking.ReviewBooking(id, rating, text), ct);
        if (written.IsSuccess)
        {
            return Redirect($"/bookings/{id}?reviewed=1#review");
        }

        if (written.Errors.Any(e => e.Kind == Domain.Common.ErrorKind.NotFound))
        {
            return NotFound();
        }

        Errors.Add(written.Errors, ["rating", "text"]);
        return await OnGetAsync(id, ct);
    }

    /// <summary>Stripe.js's key, where the pages take online payments.</summary>
    public string? PublishableKey => stripe.PagesCanPay ? stripe.PublishableKey : null;

    public FormErrors Errors { get; } = new();

    /// <summary>Starts the payment again where Stripe could not be reached when the booking was made.</summary>
    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken ct)
    {
        var retried = await sender.Send(new RetryPayment(id), ct);
        if (retried.IsSuccess)
        {
            return Redirect($"/bookings/{id}");
        }

        Errors.Add(retried.Errors, []);
        return await OnGetAsync(id, ct);
    }

    public async Task<IActionResult> OnGetTicketAsync(Guid id, CancellationToken ct) =>
        (await sender.Send(new GetTicket(id), ct)).ToDownload();

    public async Task<IActionResult> OnGetCalendarAsync(Guid id, CancellationToken ct) =>
        (await sender.Send(new GetBookingCalendar(id), ct)).ToDownload();
}
