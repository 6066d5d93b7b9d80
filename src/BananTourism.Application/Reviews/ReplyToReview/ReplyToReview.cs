using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Reviews;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Reviews.ReplyToReview;

/// <summary>商家回复: the venue's operator answers a review under it (a second answer replaces the first).</summary>
[Allowed(Caller.Operator)]
public sealed record ReplyToReview(Guid ReviewId, string? Text) : ICommand<Result<ReviewDto>>;

public sealed class ReplyToReviewHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<ReplyToReview, Result<ReviewDto>>
{
    public async ValueTask<Result<ReviewDto>> Handle(ReplyToReview command, CancellationToken ct)
    {
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == command.ReviewId && db.OwnedVenues(currentUser).Any(v => v.Id == r.VenueId), ct);
        if (review is null)
        {
            return ReviewErrors.NotFound;
        }

        review.Answer(command.Text!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ReviewDto.Of(review);
    }
}

public sealed class ReplyToReviewValidator : AbstractValidator<ReplyToReview>
{
    public ReplyToReviewValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(Review.MaxTextLength).PlainText();
}
