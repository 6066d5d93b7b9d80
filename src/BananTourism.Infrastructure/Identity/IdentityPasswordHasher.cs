using BananTourism.Application.Common;
using BananTourism.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace BananTourism.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's hasher (PBKDF2-HMAC-SHA512, 100,000 iterations, per-hash salt).</summary>
internal sealed class IdentityPasswordHasher : IPasswordHasher
{
    private readonly PasswordHasher<User> _hasher = new();

    public IdentityPasswordHasher() => DummyHash = _hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public string DummyHash { get; }

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public bool Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
}
