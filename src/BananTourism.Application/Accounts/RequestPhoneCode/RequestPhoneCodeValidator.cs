using FluentValidation;

namespace BananTourism.Application.Accounts.RequestPhoneCode;

public sealed class RequestPhoneCodeValidator : AbstractValidator<RequestPhoneCode>
{
    public RequestPhoneCodeValidator() => RuleFor(c => c.Phone).NotEmpty().MainlandMobile();
}
