using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BananTourism.Infrastructure.Persistence;

/// <summary>Per-connection SQLite settings. <c>synchronous=FULL</c> in WAL mode fsyncs the log on every commit,
/// so a booking answered 201 survives a power cut, not only a process crash (NORMAL would only promise the
/// latter). The busy timeout makes writers from several processes queue instead of failing.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
