using BananTourism.Application.Common;
using BananTourism.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Accounts;

/// <summary>The one place a password is checked, for the API's token sign-in and the pages' cookie sign-in.</summary>
internal static class Credentials
{
    public static async Task<User?> VerifyAsync(IAppDbContext db, IPasswordHasher hasher, string email, string password, CancellationToken ct)
    {
        var normalized = User.Normalize(email);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);

        // Verify against a dummy hash for unknown emails so timing does not reveal which accounts exist.
        var valid = hasher.Verify(user?.PasswordHash ?? hasher.DummyHash, password);
        return user is not null && valid ? user : null;
    }
}
