using System.Reflection;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;

namespace BananTourism.Application.Common.Security;

/// <summary>Refuses a message whose sender its <see cref="AllowedAttribute"/> does not name: 401 for nobody signed
/// in, 403 for a signed-in role that is not allowed. A message that declares nothing is refused to everyone.</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailable<TResponse>
{
    private static readonly IReadOnlyList<Caller> Allowed = typeof(TMessage).GetCustomAttribute<AllowedAttribute>()?.Callers ?? [];

    public static readonly Error NotSignedIn = Error.Unauthorized("unauthorized", "Sign in first.");

    public static readonly Error WrongRole = Error.Forbidden("forbidden", "Your role cannot do this.");

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        Refusal(user) is { } refused ? ValueTask.FromResult(TResponse.Failure([refused])) : next(message, cancellationToken);

    private static Error? Refusal(ICurrentUser user)
    {
        if (Allowed.Contains(Caller.Anyone) || (user.IsSystem && Allowed.Contains(Caller.System)))
        {
            return null;
        }

        if (user.IsSystem || user.Id is null || user.Role is not { } role)
        {
            return user.IsSystem ? WrongRole : NotSignedIn;
        }

        return Allowed.Contains(Caller.SignedIn) || Allowed.Contains(CallerOf(role)) ? null : WrongRole;
    }

    private static Caller CallerOf(Role role) => role switch
    {
        Role.Tourist => Caller.Tourist,
        Role.Operator => Caller.Operator,
        Role.Officer => Caller.Officer,
        Role.Admin => Caller.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "A role without a caller."),
    };
}
