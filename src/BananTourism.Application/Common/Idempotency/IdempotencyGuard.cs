using System.Security.Cryptography;
using System.Text.Json;
using BananTourism.Domain.Common;
using Microsoft.EntityFrameworkCore;


namespace BananTourism.Application.Common.Idempotency;

/// <summary>Claims an Idempotency-Key before a command does its work. Retries of a finished request replay
/// its result; the same key with another body is refused (422); a retry while the first is still running
/// is told so (409). Claims are kept for <see cref="Retention"/>.</summary>
public sealed class IdempotencyGuard(IAppDbContext db, IWriteTransactions writes, TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);

    public static string HashOf<T>(T request) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));

    public async Task<IdempotencyClaim> ClaimAsync(Guid userId, string key, string requestHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var record = new IdempotencyRecord(userId, key, requestHash, now, now + ClaimTimeout);
        try
        {
            await writes.RunAsync(async (tx, token) =>
            {
                tx.IdempotencyRecords.Add(record);
                await tx.SaveChangesAsync(token);
                return Result<Success>.Success(Success.Value);
            }, ct);
            return IdempotencyClaim.Proceed(record.Id);
        }
        catch (DuplicateKeyException)
        {
            // Someone used this key first; see what became of it.
        }

        var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
        if (existing is null)
        {
            // Its claimant released it a moment ago; the client may simply retry.
            return IdempotencyClaim.Refuse(IdempotencyErrors.InProgress);
        }

        if (existing.RequestHash != requestHash)
        {
            return IdempotencyClaim.Refuse(IdempotencyErrors.KeyReused);
        }

        if (existing.Completed)
        {
            return IdempotencyClaim.Replay(existing.ResourceId!.Value);
        }

        if (existing.LockedUntil > now)
        {
            return IdempotencyClaim.Refuse(IdempotencyErrors.InProgress);
        }

        // The first claimant died without finishing: take the claim over, unless someone else just did.
        var takenOver = await writes.RunAsync(async (tx, token) => Result<int>.Success(await tx.IdempotencyRecords
            .Where(r => r.Id == existing.Id && !r.Completed && r.LockedUntil == existing.LockedUntil)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.LockedUntil, now + ClaimTimeout), token)), ct);
        return takenOver.Value == 1 ? IdempotencyClaim.Proceed(existing.Id) : IdempotencyClaim.Refuse(IdempotencyErrors.InProgress);
    }

    /// <summary>Marks the claim done with what it made, inside the transaction that made it.</summary>
    public static async Task<bool> CompleteAsync(IAppDbContext tx, Guid claimId, Guid resourceId, CancellationToken ct) =>
        await tx.IdempotencyRecords
            .Where(r => r.Id == claimId && !r.Completed)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Completed, true).SetProperty(x => x.ResourceId, resourceId), ct) == 1;

    /// <summary>Frees the key after the work failed, so the client may retry it.</summary>
    public async Task ReleaseAsync(Guid claimId, CancellationToken ct) =>
        await writes.RunAsync(async (tx, token) => Result<int>.Success(
            await tx.IdempotencyRecords.Where(r => r.Id == claimId && !r.Completed).ExecuteDeleteAsync(token)), ct);
}

public sealed record IdempotencyClaim(Guid? ClaimId, Guid? ReplayOf, Error? Error)
{
    public static IdempotencyClaim Proceed(Guid claimId) => new(claimId, null, null);

    public static IdempotencyClaim Replay(Guid resourceId) => new(null, resourceId, null);

    public static IdempotencyClaim Refuse(Error error) => new(null, null, error);
}

public static class IdempotencyErrors
{
    public static readonly Error KeyReused = Error.Unprocessable(
        "idempotency_key_reused", "This Idempotency-Key was used with a different request.");

    public static readonly Error InProgress = Error.Conflict(
        "request_in_progress", "A request with this Idempotency-Key is still being processed; retry shortly.");
}
