using BananTourism.Application.Common;
using BananTourism.Domain.Users;

namespace BananTourism.Api.Hosting;

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? Id =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirst(Claims.Subject)?.Value, out var id) ? id : null;

    public Role? Role =>
        Enum.TryParse<Role>(accessor.HttpContext?.User.FindFirst(Claims.Role)?.Value, ignoreCase: true, out var role)
            ? role
            : null;

    public bool IsSystem => accessor.HttpContext is null;

    public string? ClientAddress => accessor.HttpContext is { } http ? Hosting.ClientAddress.Partition(http.Connection.RemoteIpAddress) : null;
}
