using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Infrastructure.Persistence;

/// <summary>Opens the database connection once for a whole use case, instead of once per query: a booking
/// runs several statements, and each open costs more than the statement itself on SQLite.</summary>
public sealed class OpenConnectionBehavior<TMessage, TResponse>(AppDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
