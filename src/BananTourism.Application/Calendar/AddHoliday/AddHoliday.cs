using BananTourism.Application.Calendar.ListHolidays;
using BananTourism.Application.Common;
using BananTourism.Domain.Calendar;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using FluentValidation;
using Mediator;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Calendar.AddHoliday;

/// <summary>An admin adds a public holiday (e.g. when the State Council publishes next year's arrangement).</summary>
[Allowed(Caller.Admin)]
public sealed record AddHoliday(DateOnly Date, string Name) : ICommand<Result<HolidayDto>>;

public sealed class AddHolidayHandler(IAppDbContext db) : ICommandHandler<AddHoliday, Result<HolidayDto>>
{
    public async ValueTask<Result<HolidayDto>> Handle(AddHoliday command, CancellationToken ct)
    {
        db.Holidays.Add(new Holiday(command.Date, command.Name.Trim()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DuplicateKeyException)
        {
            return Error.Conflict("holiday_exists", "That date is already a holiday.");
        }

        return new HolidayDto(command.Date, command.Name.Trim());
    }
}

public sealed class AddHolidayValidator : AbstractValidator<AddHoliday>
{
    public AddHolidayValidator()
    {
        RuleFor(c => c.Date).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(c => c.Name).NotEmpty().MaximumLength(50);
    }
}
