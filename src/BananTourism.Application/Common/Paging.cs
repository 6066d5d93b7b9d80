using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Common;

/// <summary>One page of a list, as every list endpoint answers.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>Implemented by queries that take <c>page</c> and <c>pageSize</c>.</summary>
public interface IPaged
{
    int? Page { get; }

    int? PageSize { get; }
}

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 100_000;

    public static int PageOrDefault(this IPaged query) => query.Page ?? 1;

    public static int PageSizeOrDefault(this IPaged query) => query.PageSize ?? DefaultPageSize;

    public static async Task<PagedList<T>> ToPageAsync<T>(
        this IQueryable<T> source, IPaged query, CancellationToken cancellationToken)
    {
        var page = query.PageOrDefault();
        var size = query.PageSizeOrDefault();
        var items = await source.Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        // A first page that is not full is everything there is: no second query to count it.
        var total = page == 1 && items.Count < size ? items.Count : await source.CountAsync(cancellationToken);
        return new PagedList<T>(items, page, size, total);
    }

    /// <summary>The shape rules every paged query shares.</summary>
    public static void RulesForPaging<T>(this AbstractValidator<T> validator)
        where T : IPaged
    {
        validator.RuleFor(q => q.Page).InclusiveBetween(1, MaxPage);
        validator.RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize);
    }
}
