using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Accounts.Register;

/// <summary>A tourist signs up. Other roles are created by an admin.</summary>
[Allowed(Caller.Anyone)]
public sealed record Register(string Email, string Password, string DisplayName, string? Phone)
    : ICommand<Result<RegisteredUser>>;

public sealed record RegisteredUser(Guid Id, string Email, Role Role);

public sealed class RegisterHandler(IAppDbContext db, IPasswordHasher hasher, TimeProvider clock)
    : ICommandHandler<Register, Result<RegisteredUser>>
{
    public async ValueTask<Result<RegisteredUser>> Handle(Register command, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(command.Email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
        {
            return UserErrors.EmailTaken;
        }

        var user = User.Create(command.Email, command.DisplayName, command.Phone, Role.Tourist, null, clock.GetUtcNow());
        user.SetPasswordHash(hasher.Hash(command.Password));
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Two sign-ups raced past the check above; the unique index let only one through.
            return UserErrors.EmailTaken;
        }

        return new RegisteredUser(user.Id, user.Email, user.Role);
    }
}
