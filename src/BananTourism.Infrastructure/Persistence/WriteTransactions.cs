using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Infrastructure.Persistence;

/// <summary>One transaction per command on the command's own context: for SQL Server, whose log writer
/// already groups concurrent commits.</summary>
internal sealed class DirectWriteTransactions(AppDbContext db) : IWriteTransactions
{
    public async Task<Result<T>> RunAsync<T>(Func<IAppDbContext, CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await RunOnceAsync(work, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Two first writers of the same day's counter row: the loser runs its unit again and now finds the row.
            return await RunOnceAsync(work, cancellationToken);
        }
    }

    private async Task<Result<T>> RunOnceAsync<T>(Func<IAppDbContext, CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        // The whole transaction commits or rolls back; savepoints around each SaveChanges would only add statements.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(db, cancellationToken);
            if (result.IsSuccess)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                db.ChangeTracker.Clear();
            }

            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}

/// <summary>SQLite commands hand their writes to the process's <see cref="SqliteGroupCommit"/>.</summary>
internal sealed class GroupCommitWriteTransactions(SqliteGroupCommit committer) : IWriteTransactions
{
    public Task<Result<T>> RunAsync<T>(Func<IAppDbContext, CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken) =>
        committer.RunAsync(work, cancellationToken);
}
