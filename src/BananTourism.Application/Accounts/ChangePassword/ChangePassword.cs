using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Accounts.ChangePassword;

/// <summary>Anyone signed in changes their password, giving the current one. Every other token and page session
/// of the account ends (a new security stamp); the answer is a fresh token for the caller.</summary>
[Allowed(Caller.SignedIn)]
public sealed record ChangePassword(string CurrentPassword, string NewPassword) : ICommand<Result<Login.LoginResponse>>;

public sealed class ChangePasswordHandler(
    IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes, IPasswordHasher hasher, ITokenIssuer tokens, TimeProvider clock)
    : ICommandHandler<ChangePassword, Result<Login.LoginResponse>>
{
    public static readonly Error WrongCurrent = Error.Invalid("wrong_password", "currentPassword", "The current password is not right.");

    public async ValueTask<Result<Login.LoginResponse>> Handle(ChangePassword command, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == currentUser.Id && u.DisabledAt == null, ct);
        if (user is null)
        {
            return UserErrors.NotSignedIn;
        }

        // Counted like a sign-in: a stolen session cannot be used to guess the password it does not know.
        var verified = await Credentials.VerifyAsync(db, writes, hasher, clock, user.Email, command.CurrentPassword, ct);
        if (!verified.IsSuccess)
        {
            return verified.FirstError.Kind == ErrorKind.TooManyRequests ? verified.FirstError : WrongCurrent;
        }

        user.ChangePassword(hasher.Hash(command.NewPassword));
        await db.SaveChangesAsync(ct);
        var token = tokens.Issue(user);
        return new Login.LoginResponse(token.AccessToken, token.ExpiresIn, user.Role);
    }
}

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(128);
        RuleFor(c => c.NewPassword).ValidNewPassword();
    }
}
