using FluentValidation;

namespace BananTourism.Application.Accounts;

/// <summary>Shape rules shared by every use case that takes account fields.</summary>
public static class AccountRules
{
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(254).EmailAddress();

    public static IRuleBuilderOptions<T, string> ValidNewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(8).MaximumLength(128)
            .Must(p => p.Any(char.IsLetter) && p.Any(char.IsDigit))
            .WithMessage("The password needs at least one letter and one digit.");

    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(100).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("The name is blank.");

    /// <summary>A mainland mobile number: 11 ASCII digits starting with 1 (what SMS verification takes; [0-9], not \d,
    /// which would let full-width digits spell the same number another way).</summary>
    public static IRuleBuilderOptions<T, string> MainlandMobile<T>(this IRuleBuilder<T, string> rule) =>
        rule.Matches(@"^\s*1[3-9][0-9]{9}\s*$").WithMessage("Give a mainland mobile number of 11 digits, such as 13800138000.");

    /// <summary>A mainland mobile number (11 digits starting with 1) or an international one in E.164 form.</summary>
    public static IRuleBuilderOptions<T, string?> ValidPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches(@"^(1[3-9][0-9]{9}|\+[1-9][0-9]{6,14})$").WithMessage("Give a mobile number such as 13800138000 or +85291234567.");
}
