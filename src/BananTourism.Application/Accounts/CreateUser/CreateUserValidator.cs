using BananTourism.Domain.Users;
using FluentValidation;

namespace BananTourism.Application.Accounts.CreateUser;

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).ValidNewPassword();
        RuleFor(c => c.DisplayName).ValidDisplayName();
        RuleFor(c => c.Phone).ValidPhone();
        RuleFor(c => c.Role).IsInEnum()
            .NotEqual(Role.Tourist).WithMessage("Tourists sign up themselves; choose operator, officer or admin.");
        RuleFor(c => c.TownshipId).NotNull().When(c => c.Role == Role.Officer)
            .WithMessage("An officer must be assigned to a township.");
        RuleFor(c => c.TownshipId).Null().When(c => c.Role != Role.Officer)
            .WithMessage("Only officers are assigned to a township.");
    }
}
