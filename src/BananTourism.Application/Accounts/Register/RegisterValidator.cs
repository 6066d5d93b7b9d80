using FluentValidation;

namespace BananTourism.Application.Accounts.Register;

public sealed class RegisterValidator : AbstractValidator<Register>
{
    public RegisterValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).ValidNewPassword();
        RuleFor(c => c.DisplayName).ValidDisplayName();
        RuleFor(c => c.Phone).ValidPhone();
    }
}
