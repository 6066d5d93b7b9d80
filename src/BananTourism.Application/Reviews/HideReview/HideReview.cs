using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using BananTourism.Domain.Reviews;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Reviews.HideReview;

/// <summary>An admin hides a review (abuse, a phone number, an advert): it stays in the database with who hid it and
/// why, and leaves the offering's average and count in the same transaction.</summary>
[Allowed(Caller.Admin)]
public sealed record HideReview(Guid ReviewId, string? Reason) : ICommand<Result<HiddenReviewDto>>;

public sealed record HiddenReviewDto(Guid Id, DateTimeOffset HiddenAt, Guid HiddenBy, string Reason);

public sealed class HideReviewHandler(ICurrentUser currentUser, IWriteTransactions writes, TimeProvider clock)
    : ICommandHandler<HideReview, Result<HiddenReviewDto>>
{
    public async ValueTask<Result<HiddenReviewDto>> Handle(HideReview command, CancellationToken ct)
    {
        var admin = currentUser.Id!.Value;
        var now = clock.GetUtcNow();
        return await writes.RunAsync<HiddenReviewDto>(async (tx, token) =>
        {
            var review = await tx.Reviews.SingleOrDefaultAsync(r => r.Id == command.ReviewId, token);
            if (review is null)
            {
                return ReviewErrors.NotFound;
            }

            if (review.Hide(admin, command.Reason!, now))
            {
                await tx.SaveChangesAsync(token);
                var stars = review.Rating;
                await tx.Offerings.Where(o => o.Id == review.OfferingId)
                    .ExecuteUpdateAsync(o => o.SetProperty(x => x.RatingCount, x => x.RatingCount - 1).SetProperty(x => x.RatingSum, x => x.RatingSum - stars), token);
            }

            return new HiddenReviewDto(review.Id, review.HiddenAt!.Value, review.HiddenBy!.Value, review.HiddenReason!);
        }, ct);
    }
}

public sealed class HideReviewValidator : AbstractValidator<HideReview>
{
    public HideReviewValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500).PlainText();
}
