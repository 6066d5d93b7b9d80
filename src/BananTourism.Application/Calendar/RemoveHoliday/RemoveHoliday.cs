using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Calendar.RemoveHoliday;

/// <summary>An admin removes a holiday date, e.g. a provisional one the official arrangement moved.</summary>
[Allowed(Caller.Admin)]
public sealed record RemoveHoliday(DateOnly Date) : ICommand<Result<Success>>;

public sealed class RemoveHolidayHandler(IAppDbContext db) : ICommandHandler<RemoveHoliday, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(RemoveHoliday command, CancellationToken ct)
    {
        var removed = await db.Holidays.Where(h => h.Date == command.Date).ExecuteDeleteAsync(ct);
        return removed == 1 ? Success.Value : Error.NotFound("not_found", "That date is not a holiday.");
    }
}
