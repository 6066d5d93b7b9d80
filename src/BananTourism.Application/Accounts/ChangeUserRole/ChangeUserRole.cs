using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Accounts.ChangeUserRole;

/// <summary>An admin gives a staff account another role or township (an operator who left becomes an officer, an
/// officer moves township). The account's security stamp changes, so its tokens and page sessions end.</summary>
[Allowed(Caller.Admin)]
public sealed record ChangeUserRole(Guid Id, StaffRole Body) : ICommand<Result<CreateUser.CreatedUser>>;

public sealed record StaffRole(Role Role, Guid? TownshipId);

public sealed partial class ChangeUserRoleHandler(IAppDbContext db, ICurrentUser currentUser, ILogger<ChangeUserRoleHandler> logger)
    : ICommandHandler<ChangeUserRole, Result<CreateUser.CreatedUser>>
{
    public async ValueTask<Result<CreateUser.CreatedUser>> Handle(ChangeUserRole command, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.Id && u.DisabledAt == null, ct);
        if (user is null)
        {
            return UserErrors.NotFound;
        }

        if (user.Role == Role.Tourist)
        {
            return UserErrors.CannotChangeTourist;
        }

        if (command.Body.TownshipId is { } township && !await db.Townships.AnyAsync(t => t.Id == township, ct))
        {
            return UserErrors.UnknownTownship;
        }

        user.ChangeRole(command.Body.Role, command.Body.TownshipId);
        await db.SaveChangesAsync(ct);
        LogChanged(user.Id, user.Role, currentUser.Id);
        return new CreateUser.CreatedUser(user.Id, user.Email, user.DisplayName, user.Role, user.TownshipId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserId} is now {Role} (changed by admin {AdminId}); its sessions end")]
    private partial void LogChanged(Guid userId, Role role, Guid? adminId);
}

public sealed class ChangeUserRoleValidator : AbstractValidator<ChangeUserRole>
{
    public ChangeUserRoleValidator()
    {
        RuleFor(c => c.Body).NotNull();
        When(c => c.Body is not null, () =>
        {
            RuleFor(c => c.Body.Role).IsInEnum().NotEqual(Role.Tourist).WithMessage("Staff accounts are operators, officers or admins.");
            RuleFor(c => c.Body.TownshipId).NotNull().When(c => c.Body.Role == Role.Officer).WithMessage("An officer must be assigned to a township.");
            RuleFor(c => c.Body.TownshipId).Null().When(c => c.Body.Role != Role.Officer).WithMessage("Only officers are assigned to a township.");
        });
    }
}
