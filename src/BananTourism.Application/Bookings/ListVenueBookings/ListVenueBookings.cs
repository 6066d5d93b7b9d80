using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Bookings.ListVenueBookings;

/// <summary>An operator's bookings: by venue, by date (a slot on that date, or a stay over that night) and
/// status; in visit order, so the day's list reads like the gate will see it.</summary>
[Allowed(Caller.Operator)]
public sealed record ListVenueBookings(Guid? VenueId, DateOnly? Date, BookingStatus? Status, int? Page, int? PageSize)
    : IQuery<Result<PagedList<BookingDto>>>, IPaged;

public sealed class ListVenueBookingsHandler(IAppDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListVenueBookings, Result<PagedList<BookingDto>>>
{
    public async ValueTask<Result<PagedList<BookingDto>>> Handle(ListVenueBookings query, CancellationToken ct)
    {
        var bookings = db.OwnedBookings(currentUser);
        if (query.VenueId is { } venueId)
        {
            bookings = bookings.Where(b => b.VenueId == venueId);
        }

        if (query.Date is { } date)
        {
            bookings = bookings.Where(b => b.Date <= date && b.EndDate > date);
        }

        if (query.Status is { } status)
        {
            bookings = bookings.Where(b => b.Status == status);
        }

        var page = query.PageOrDefault();
        var size = query.PageSizeOrDefault();
        var total = await bookings.CountAsync(ct);
        var items = await bookings.OrderBy(b => b.Date).ThenBy(b => b.StartTime).ThenBy(b => b.CreatedAt)
            .Skip((page - 1) * size).Take(size).ToDtosAsync(db, currentUser.Id, ct);
        return new PagedList<BookingDto>(
            items.OrderBy(b => b.Date).ThenBy(b => b.Start).ThenBy(b => b.CreatedAt).ToList(), page, size, total);
    }
}

public sealed class ListVenueBookingsValidator : AbstractValidator<ListVenueBookings>
{
    public ListVenueBookingsValidator()
    {
        this.RulesForPaging();
        RuleFor(q => q.Status).IsInEnum();
    }
}
