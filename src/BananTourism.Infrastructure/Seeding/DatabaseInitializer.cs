using Microsoft.AspNetCore.DataProtection.KeyManagement;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Infrastructure.Seeding;

/// <summary>Brings a database to the current schema and reference data, and optionally fills an empty one
/// with the demo catalog.</summary>
public sealed partial class DatabaseInitializer(
    AppDbContext db, DatabaseOptions options, DemoDataSeeder demo, IKeyManager keys, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers run beside the single writer; the mode is stored in the file, so once is enough.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
        await HolidaySeed.EnsureAsync(db, cancellationToken);
        EnsureDataProtectionKey();
        LogMigrated(options.Provider);
    }

    /// <summary>Replicas starting together on an empty key ring would each make a key of their own and, for a
    /// while, refuse each other's cookies; a key made here, before any replica serves, is the one they all use.
    /// Only where no usable key exists: rolling keys over later is Data Protection's own job (it makes the next key
    /// two days before it is needed, so every replica knows it first). On the real clock, as Data Protection is.</summary>
    private void EnsureDataProtectionKey()
    {
        var now = DateTimeOffset.UtcNow;
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
        {
            keys.CreateNewKey(now, now.AddDays(90));
        }
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken) =>
        (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();

    /// <summary>True when the database was empty and now holds the demo catalog and accounts.</summary>
    public async Task<bool> SeedDemoDataAsync(CancellationToken cancellationToken)
    {
        if (await db.Townships.AnyAsync(cancellationToken))
        {
            return false;
        }

        await demo.SeedAsync(cancellationToken);
        LogSeeded();
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is at the current schema")]
    private partial void LogMigrated(DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo catalog of Banan district")]
    private partial void LogSeeded();
}
