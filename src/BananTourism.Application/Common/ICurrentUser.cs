using BananTourism.Domain.Users;

namespace BananTourism.Application.Common;

/// <summary>Who is calling, as established by the host's authentication.</summary>
public interface ICurrentUser
{
    Guid? Id { get; }

    Role? Role { get; }

    /// <summary>True when no HTTP request is behind the call: a background job or a maintenance command.</summary>
    bool IsSystem { get; }

    /// <summary>The caller's network address as limits count it (an IPv4 address, or an IPv6 /64); null without one.</summary>
    string? ClientAddress { get; }
}
