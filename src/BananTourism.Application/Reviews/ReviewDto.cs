using BananTourism.Domain.Reviews;

namespace BananTourism.Application.Reviews;

/// <summary>A review as everyone reads it: the author masked (张**), the operator's answer under it.</summary>
public sealed record ReviewDto(Guid Id, int Rating, string Text, string Author, DateTimeOffset CreatedAt, string? Reply, DateTimeOffset? RepliedAt)
{
    public static ReviewDto Of(Review r) => new(r.Id, r.Rating, r.Text, Review.Mask(r.AuthorName), r.CreatedAt, r.Reply, r.RepliedAt);
}

/// <summary>Stars of the visible reviews: average to one decimal, and how many.</summary>
public sealed record RatingDto(decimal Average, int Count)
{
    public static RatingDto? Of(int count, int sum) => count > 0 ? new RatingDto(Math.Round((decimal)sum / count, 1, MidpointRounding.AwayFromZero), count) : null;
}
