using FluentValidation;

namespace BananTourism.Application.Accounts.VerifyPhone;

public sealed class VerifyPhoneValidator : AbstractValidator<VerifyPhone>
{
    public VerifyPhoneValidator()
    {
        RuleFor(c => c.Phone).NotEmpty().MainlandMobile();
        RuleFor(c => c.Code).NotEmpty().Matches(@"^\s*[0-9]{6}\s*$").WithMessage("The code is the 6 digits of the SMS.");
    }
}
