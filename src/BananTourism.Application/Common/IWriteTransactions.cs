using BananTourism.Domain.Common;

namespace BananTourism.Application.Common;

/// <summary>Runs the writes of a command in one database transaction: committed when the work returns success,
/// rolled back when it returns errors or throws. The answer comes back only once the commit is durable, so a
/// 201 built from it is a promise kept. The work gets the context to write with and must use only that one. It may run
/// on another thread, outside the request (SQLite's group commit): read the current user and the like before.</summary>
public interface IWriteTransactions
{
    Task<Result<T>> RunAsync<T>(Func<IAppDbContext, CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken);
}
