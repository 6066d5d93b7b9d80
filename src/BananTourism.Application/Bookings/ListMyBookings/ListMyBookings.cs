using BananTourism.Application.Common;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Bookings.ListMyBookings;

/// <summary>The caller's own bookings, newest first.</summary>
[Allowed(Caller.Tourist)]
public sealed record ListMyBookings(BookingStatus? Status, int? Page, int? PageSize) : IQuery<Result<PagedList<BookingDto>>>, IPaged;

public sealed class ListMyBookingsHandler(IAppDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListMyBookings, Result<PagedList<BookingDto>>>
{
    public async ValueTask<Result<PagedList<BookingDto>>> Handle(ListMyBookings query, CancellationToken ct)
    {
        var me = currentUser.Id ?? Guid.Empty;
        var mine = db.Bookings.Where(b => b.TouristId == me);
        if (query.Status is { } status)
        {
            mine = mine.Where(b => b.Status == status);
        }

        var page = query.PageOrDefault();
        var size = query.PageSizeOrDefault();
        var total = await mine.CountAsync(ct);
        var items = await mine.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Skip((page - 1) * size).Take(size)
            .ToDtosAsync(db, currentUser.Id, ct);
        return new PagedList<BookingDto>(items.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).ToList(), page, size, total);
    }
}

public sealed class ListMyBookingsValidator : AbstractValidator<ListMyBookings>
{
    public ListMyBookingsValidator()
    {
        this.RulesForPaging();
        RuleFor(q => q.Status).IsInEnum();
    }
}
