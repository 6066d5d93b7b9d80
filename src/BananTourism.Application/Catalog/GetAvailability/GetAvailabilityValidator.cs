using FluentValidation;

namespace BananTourism.Application.Catalog.GetAvailability;

public sealed class GetAvailabilityValidator : AbstractValidator<GetAvailability>
{
    public const int MaxDays = 93;

    public GetAvailabilityValidator()
    {
        RuleFor(q => q.From).NotNull();
        RuleFor(q => q.To).NotNull();
        RuleFor(q => q.To)
            .Must((q, to) => to >= q.From).WithMessage("'to' must not be before 'from'.")
            .Must((q, to) => to!.Value.DayNumber - q.From!.Value.DayNumber < MaxDays)
            .WithMessage($"The range may cover at most {MaxDays} days.")
            .When(q => q.From is not null && q.To is not null);
    }
}
