using BananTourism.Infrastructure.Persistence;
using BananTourism.Infrastructure.Seeding;

namespace BananTourism.Api.Hosting;

public static partial class DatabaseStartup
{
    /// <summary>SQLite (the embedded default) is migrated at start-up; SQL Server only by <c>--migrate</c>, so a
    /// rolling deployment never changes a shared schema by accident. Demo data goes into an empty database
    /// outside Production when <c>DemoData:Enabled</c> (default true).</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        var provider = scope.ServiceProvider.GetRequiredService<DatabaseOptions>().Provider;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BananTourism.Database");

        if (provider == DatabaseProvider.Sqlite)
        {
            await initializer.MigrateAsync(app.Lifetime.ApplicationStopping);
        }
        else
        {
            var pending = await initializer.PendingMigrationsAsync(app.Lifetime.ApplicationStopping);
            if (pending.Count > 0)
            {
                LogPending(logger, pending.Count, string.Join(", ", pending));
            }
        }

        if (!app.Environment.IsProduction() && app.Configuration.GetValue("DemoData:Enabled", true))
        {
            await initializer.SeedDemoDataAsync(app.Lifetime.ApplicationStopping);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The database lacks {Count} migrations ({Names}); run the service with --migrate")]
    private static partial void LogPending(ILogger logger, int count, string names);
}
