using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Accounts.VerifyPhone;

/// <summary>A tourist types the code the SMS brought: the number becomes their verified phone, which booking needs.
/// Five wrong tries void the code, counted in the database so parallel guesses get five in all.</summary>
[Allowed(Caller.Tourist)]
public sealed record VerifyPhone(string Phone, string Code) : ICommand<Result<PhoneVerified>>;

public sealed record PhoneVerified(string Phone, DateTimeOffset VerifiedAt);

public sealed partial class VerifyPhoneHandler(
    IAppDbContext db, ICurrentUser currentUser, IWriteTransactions writes, TimeProvider clock, ILogger<VerifyPhoneHandler> logger)
    : ICommandHandler<VerifyPhone, Result<PhoneVerified>>
{
    public async ValueTask<Result<PhoneVerified>> Handle(VerifyPhone command, CancellationToken ct)
    {
        var me = currentUser.Id!.Value;
        var phone = command.Phone.Trim();
        var now = clock.GetUtcNow();
        var code = await db.PhoneCodes.AsNoTracking()
            .Where(c => c.UserId == me && c.Phone == phone)
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(ct);
        if (code is null || !code.IsUsable(now))
        {
            return PhoneCodeErrors.CodeExpired;
        }

        var right = code.Matches(command.Code.Trim());
        Result<Attempt> attempt;
        try
        {
            attempt = await writes.RunAsync<Attempt>(async (tx, token) =>
            {
                var usable = tx.PhoneCodes.Where(c => c.Id == code.Id && c.UsedAt == null && c.Attempts < PhoneCode.MaxAttempts && c.ExpiresAt > now);
                if (!right)
                {
                    // Counted, and committed: the wrong try is an answer, not a rollback.
                    return await usable.ExecuteUpdateAsync(c => c.SetProperty(x => x.Attempts, x => x.Attempts + 1), token) == 1
                        ? Attempt.Wrong
                        : Attempt.Void;
                }

                if (await usable.ExecuteUpdateAsync(c => c.SetProperty(x => x.UsedAt, now), token) == 0)
                {
                    return Attempt.Void; // used up by parallel wrong tries, or by this very code a moment ago
                }

                var user = await tx.Users.SingleAsync(u => u.Id == me, token);
                user.VerifyPhone(phone, now);
                await tx.SaveChangesAsync(token);
                return Attempt.Verified;
            }, ct);
        }
        catch (DuplicateKeyException)
        {
            return UserErrors.PhoneTaken; // another account verified this number a moment ago
        }

        switch (attempt.Value)
        {
            case Attempt.Verified:
                LogVerified(me);
                return new PhoneVerified(phone, now);
            case Attempt.Wrong:
                return PhoneCodeErrors.InvalidCode;
            default:
                return PhoneCodeErrors.CodeExpired;
        }
    }

    private enum Attempt
    {
        Verified,
        Wrong,
        Void,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} verified its mobile number")]
    private partial void LogVerified(Guid userId);
}
