using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Accounts.CreateUser;

/// <summary>An admin creates an operator, officer or admin account; officers are assigned a township.</summary>
[Allowed(Caller.Admin)]
public sealed record CreateUser(string Email, string Password, string DisplayName, string? Phone, Role Role, Guid? TownshipId)
    : ICommand<Result<CreatedUser>>;

public sealed record CreatedUser(Guid Id, string Email, string DisplayName, Role Role, Guid? TownshipId);

public sealed class CreateUserHandler(IAppDbContext db, IPasswordHasher hasher, TimeProvider clock)
    : ICommandHandler<CreateUser, Result<CreatedUser>>
{
    public async ValueTask<Result<CreatedUser>> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        if (command.TownshipId is { } townshipId
            && !await db.Townships.AnyAsync(t => t.Id == townshipId, cancellationToken))
        {
            return UserErrors.UnknownTownship;
        }

        var user = User.Create(command.Email, command.DisplayName, command.Phone, command.Role, command.TownshipId, clock.GetUtcNow());
        user.SetPasswordHash(hasher.Hash(command.Password));
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            return UserErrors.EmailTaken;
        }

        return new CreatedUser(user.Id, user.Email, user.DisplayName, user.Role, user.TownshipId);
    }
}
