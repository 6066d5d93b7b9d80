using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Reviews.ListReviews;

/// <summary>An offering's visible reviews, newest first, with its average and count (hidden ones count in neither).</summary>
[Allowed(Caller.Anyone)]
public sealed record ListReviews(Guid OfferingId, int? Page, int? PageSize) : IQuery<Result<ReviewPage>>, IPaged;

public sealed record ReviewPage(IReadOnlyList<ReviewDto> Items, decimal? Average, int Count, int Page, int PageSize);

public sealed class ListReviewsHandler(IAppDbContext db) : IQueryHandler<ListReviews, Result<ReviewPage>>
{
    public async ValueTask<Result<ReviewPage>> Handle(ListReviews query, CancellationToken ct)
    {
        var offering = await db.Offerings.AsNoTracking().Where(o => o.Id == query.OfferingId && o.Published)
            .Select(o => new { o.RatingCount, o.RatingSum }).SingleOrDefaultAsync(ct);
        if (offering is null)
        {
            return OfferingErrors.NotFound;
        }

        var page = await db.Reviews.AsNoTracking()
            .Where(r => r.OfferingId == query.OfferingId && r.HiddenAt == null)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .ToPageAsync(query, ct);
        var rating = RatingDto.Of(offering.RatingCount, offering.RatingSum);
        return new ReviewPage(page.Items.Select(ReviewDto.Of).ToList(), rating?.Average, offering.RatingCount, page.Page, page.PageSize);
    }
}

public sealed class ListReviewsValidator : AbstractValidator<ListReviews>
{
    public ListReviewsValidator() => this.RulesForPaging();
}
