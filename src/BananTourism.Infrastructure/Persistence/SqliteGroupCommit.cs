using System.Threading.Channels;
using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BananTourism.Infrastructure.Persistence;

/// <summary>Group commit for SQLite. SQLite has one writer at a time and, with synchronous=FULL, pays an fsync
/// per commit; committing each booking alone caps a server at one booking per fsync and makes concurrent
/// writers sleep in SQLite's busy handler. Here one writer per process takes the queued units of work, runs
/// each inside its own savepoint of one transaction (a refused or failing unit rolls back alone), commits
/// once, and only then answers every caller. Correctness is unchanged: every capacity change is still a
/// conditional UPDATE decided by the database, each unit is still all-or-nothing, and other processes still
/// meet this one at SQLite's lock.</summary>
internal sealed class SqliteGroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private const string Savepoint = "unit";

    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly Task _writer;

    public SqliteGroupCommit(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _writer = Task.Run(WriteAsync);
    }

    public Task<Result<T>> RunAsync<T>(Func<IAppDbContext, CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        var unit = new Unit<T>(work);
        if (!_queue.Writer.TryWrite(unit))
        {
            throw new ObjectDisposedException(nameof(SqliteGroupCommit), "The application is shutting down.");
        }

        // A caller that stops waiting does not stop the unit: once queued it commits or rolls back like any transaction.
        return unit.Outcome.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Unit>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
            {
                batch.Add(unit);
            }

            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<Unit> batch)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.AutoSavepointsEnabled = false;
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var unit in batch)
            {
                await transaction.CreateSavepointAsync(Savepoint);
                bool keep;
                try
                {
                    keep = await unit.RunAsync(db);
                }
                catch (Exception e)
                {
                    // Told only after the commit: a unit refused by a unique index saw a row that another unit
                    // of this batch wrote, and its caller must be able to read that row when it hears.
                    unit.FailAfterCommit(e);
                    keep = false;
                }

                if (!keep)
                {
                    await transaction.RollbackToSavepointAsync(Savepoint);
                }

                await transaction.ReleaseSavepointAsync(Savepoint);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync();
            foreach (var unit in batch)
            {
                unit.Answer();
            }
        }
        catch (Exception e)
        {
            // The commit itself failed (disk full, I/O error): nothing of this batch is durable.
            foreach (var unit in batch)
            {
                unit.Fail(e);
            }
        }
    }

    private abstract class Unit
    {
        /// <summary>Runs the work; true when its writes are to be kept.</summary>
        public abstract Task<bool> RunAsync(AppDbContext db);

        public abstract void Answer();

        public abstract void FailAfterCommit(Exception e);

        public abstract void Fail(Exception e);
    }

    private sealed class Unit<T>(Func<IAppDbContext, CancellationToken, Task<Result<T>>> work) : Unit
    {
        private readonly TaskCompletionSource<Result<T>> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Result<T>? _result;
        private Exception? _error;

        public Task<Result<T>> Outcome => _answer.Task;

        public override async Task<bool> RunAsync(AppDbContext db)
        {
            _result = await work(db, CancellationToken.None);
            return _result.IsSuccess;
        }

        public override void Answer()
        {
            if (_error is not null)
            {
                _answer.TrySetException(_error);
            }
            else if (_result is not null)
            {
                _answer.TrySetResult(_result);
            }
        }

        public override void FailAfterCommit(Exception e) => _error = e;

        public override void Fail(Exception e) => _answer.TrySetException(e);
    }
}
