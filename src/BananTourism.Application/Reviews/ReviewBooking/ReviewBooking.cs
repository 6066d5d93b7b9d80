using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Reviews;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Reviews.ReviewBooking;

/// <summary>点评: a tourist who came (the booking was checked in at the gate) rates the offering, once per booking. The
/// offering's count and sum of stars move in the same transaction, so cards read the average without counting.</summary>
[Allowed(Caller.Tourist)]
public sealed record ReviewBooking(Guid BookingId, int? Rating, string? Text) : ICommand<Result<ReviewDto>>;

public sealed class ReviewBookingHandler(IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes, TimeProvider clock)
    : ICommandHandler<ReviewBooking, Result<ReviewDto>>
{
    public async ValueTask<Result<ReviewDto>> Handle(ReviewBooking command, CancellationToken ct)
    {
        var me = currentUser.Id;
        var booking = await db.Bookings.AsNoTracking()
            .Where(b => b.Id == command.BookingId && b.TouristId == me)
            .Select(b => new { b.Id, b.OfferingId, b.VenueId, b.Status, b.ContactName })
            .SingleOrDefaultAsync(ct);
        if (booking is null)
        {
            return BookingErrors.NotFound;
        }

        if (booking.Status != BookingStatus.CheckedIn)
        {
            return ReviewErrors.NotReviewable;
        }

        var rating = command.Rating!.Value;
        var review = Review.Create(booking.Id, booking.OfferingId, booking.VenueId, me!.Value, rating, command.Text!, booking.ContactName, clock.GetUtcNow());
        try
        {
            return await writes.RunAsync<ReviewDto>(async (tx, token) =>
            {
                if (await tx.Reviews.AnyAsync(r => r.BookingId == booking.Id, token))
                {
                    return ReviewErrors.NotReviewable;
                }

                tx.Reviews.Add(review);
                await tx.SaveChangesAsync(token);
                await tx.Offerings.Where(o => o.Id == booking.OfferingId)
                    .ExecuteUpdateAsync(o => o.SetProperty(x => x.RatingCount, x => x.RatingCount + 1).SetProperty(x => x.RatingSum, x => x.RatingSum + rating), token);
                return ReviewDto.Of(review);
            }, ct);
        }
        catch (DuplicateKeyException)
        {
            return ReviewErrors.NotReviewable; // the same booking reviewed by a request that raced this one
        }
    }
}

public sealed class ReviewBookingValidator : AbstractValidator<ReviewBooking>
{
    public ReviewBookingValidator()
    {
        RuleFor(c => c.Rating).NotNull().InclusiveBetween(1, 5);
        RuleFor(c => c.Text).NotEmpty().MaximumLength(Review.MaxTextLength).PlainText();
    }
}
