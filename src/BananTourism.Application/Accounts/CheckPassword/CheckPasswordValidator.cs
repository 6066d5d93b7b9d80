using FluentValidation;

namespace BananTourism.Application.Accounts.CheckPassword;

public sealed class CheckPasswordValidator : AbstractValidator<CheckPassword>
{
    public CheckPasswordValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(128);
    }
}
