namespace BananTourism.Application.Common.Security;

/// <summary>Who sends a message: somebody over HTTP (anonymous, or signed in with a role), or the service itself
/// (a background job or a maintenance command, with no HTTP request behind it).</summary>
public enum Caller
{
    /// <summary>Anybody, signed in or not, and the service itself.</summary>
    Anyone,

    /// <summary>Anybody signed in, whatever the role.</summary>
    SignedIn,

    Tourist,

    Operator,

    Officer,

    Admin,

    /// <summary>The service itself: background jobs and maintenance commands, never an HTTP caller.</summary>
    System,
}

/// <summary>Declares who may send a command or query; <see cref="AuthorizationBehavior{TMessage,TResponse}"/>
/// refuses everybody else before validation or the handler run. Every message carries exactly one, held by an
/// architecture test. What a caller may touch (their own venues, bookings, township) stays the handler's job.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class AllowedAttribute(params Caller[] callers) : Attribute
{
    public IReadOnlyList<Caller> Callers { get; } = callers;
}
