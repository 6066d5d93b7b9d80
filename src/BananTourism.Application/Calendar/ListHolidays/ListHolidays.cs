using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Calendar.ListHolidays;

/// <summary>The public holidays on which holiday prices apply.</summary>
[Allowed(Caller.Anyone)]
public sealed record ListHolidays(int? Year) : IQuery<Result<IReadOnlyList<HolidayDto>>>;

public sealed record HolidayDto(DateOnly Date, string Name);

public sealed class ListHolidaysHandler(IAppDbContext db) : IQueryHandler<ListHolidays, Result<IReadOnlyList<HolidayDto>>>
{
    public async ValueTask<Result<IReadOnlyList<HolidayDto>>> Handle(ListHolidays query, CancellationToken ct)
    {
        var holidays = db.Holidays.AsNoTracking();
        if (query.Year is { } year)
        {
            holidays = holidays.Where(h => h.Date >= new DateOnly(year, 1, 1) && h.Date <= new DateOnly(year, 12, 31));
        }

        return await holidays.OrderBy(h => h.Date).Select(h => new HolidayDto(h.Date, h.Name)).ToListAsync(ct);
    }
}

public sealed class ListHolidaysValidator : AbstractValidator<ListHolidays>
{
    public ListHolidaysValidator() => RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
}
