using BananTourism.Api.Hosting;
using BananTourism.Application.Bookings;
using BananTourism.Application.Payments.HandlePaymentEvent;
using BananTourism.Application.Payments.RetryPayment;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BananTourism.Api.Endpoints;

/// <summary>Stripe's webhook, and a tourist's retry of a payment that could not start.</summary>
public sealed class Payments : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/payments/stripe/webhook", StripeWebhook).WithTags("Payments").WithName(nameof(StripeWebhook)).AllowAnonymous();
        app.MapPost("/api/v1/bookings/{id:guid}/pay", RetryPayment).WithTags("Bookings").WithName(nameof(RetryPayment))
            .RequireAuthorization(AuthSetup.Tourist).RequireRateLimiting(RateLimits.Bookings);
    }

    /// <summary>The raw body is read as sent: the signature is over those exact bytes.</summary>
    public static async Task<Results<Ok, ProblemHttpResult>> StripeWebhook(HttpRequest request, ISender sender, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(ct);
        var handled = await sender.Send(new HandlePaymentEvent(payload, request.Headers["Stripe-Signature"].FirstOrDefault()), ct);
        return handled.IsSuccess ? TypedResults.Ok() : handled.Errors.ToProblem();
    }

    public static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> RetryPayment(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new RetryPayment(id), ct)).ToOk();
}
