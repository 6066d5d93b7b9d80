using BananTourism.Domain.Users;

namespace BananTourism.Application.Common;

public interface ITokenIssuer
{
    IssuedToken Issue(User user);
}

public sealed record IssuedToken(string AccessToken, int ExpiresIn);
