using System.Security.Claims;
using System.Text;
using BananTourism.Application.Common;
using BananTourism.Domain.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BananTourism.Api.Hosting;

public sealed class JwtTokenIssuer(AuthOptions options, TimeProvider clock) : ITokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(SigningKeyOf(options), SecurityAlgorithms.HmacSha256);

    public IssuedToken Issue(User user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(options.TokenLifetimeMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = _credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, user.Email),
                new Claim(Claims.Role, Claims.RoleName(user.Role)),
                new Claim(Claims.Stamp, user.SecurityStamp),
            ]),
        });
        return new IssuedToken(token, (int)lifetime.TotalSeconds);
    }

    public static SymmetricSecurityKey SigningKeyOf(AuthOptions options)
    {
        var bytes = Encoding.UTF8.GetBytes(options.SigningKey);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException(
                "Auth:SigningKey must be configured with at least 32 bytes (e.g. the environment variable Auth__SigningKey).");
        }

        return new SymmetricSecurityKey(bytes);
    }
}

public static class Claims
{
    public const string Role = "role";
    public const string Subject = JwtRegisteredClaimNames.Sub;

    /// <summary>The account's security stamp when the token or cookie was issued (see <see cref="SessionChecks"/>).</summary>
    public const string Stamp = "stamp";

    public static string RoleName(Role role) => role switch
    {
        Domain.Users.Role.Tourist => "tourist",
        Domain.Users.Role.Operator => "operator",
        Domain.Users.Role.Officer => "officer",
        Domain.Users.Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
