using BananTourism.Infrastructure.Persistence;
using BananTourism.Infrastructure.Seeding;

namespace BananTourism.Api.Hosting;

public static partial class DatabaseStartup
{
    /// <summary>SQLite (the embedded default) is migrated at start-up; SQL Server only by <c>--migrate</c>, so a
    /// rolling deployment never changes a shared schema by accident. Demo data (and its demo accounts, whose
    /// password the README publishes) goes into an empty database only in Development with <c>DemoData:Enabled</c>
    /// (Development's default); anywhere else the setting is refused with a warning.</summary>
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

        if (!app.Configuration.GetValue("DemoData:Enabled", false))
        {
            return;
        }

        if (!app.Environment.IsDevelopment())
        {
            LogDemoRefused(logger, app.Environment.EnvironmentName);
            return;
        }

        if (await initializer.SeedDemoDataAsync(app.Lifetime.ApplicationStopping))
        {
            LogDemoAccounts(logger);

            // A dashboard with a past: DemoData:HistoryYears whole years before this one, and this year to date, written
            // in the background once the service answers (1 year: about 1.8 million bookings, most of a minute here).
            var years = app.Configuration.GetValue("DemoData:HistoryYears", 1);
            if (years is > 0 and <= 10)
            {
                var today = BananTourism.Domain.Common.VenueTime.Today(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
                app.Services.GetRequiredService<DemoHistoryPlan>().Fill(new DateOnly(today.Year - years, 1, 1), today);
            }
        }
    }

    /// <summary>Exit code 0 once the database has every migration, 1 if it still lacks some after <paramref name="timeout"/>.</summary>
    public static async Task<int> WaitForSchemaAsync(this WebApplication app, TimeSpan timeout)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BananTourism.Database");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var pending = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PendingMigrationsAsync(CancellationToken.None);
                if (pending.Count == 0)
                {
                    return 0;
                }

                LogPending(logger, pending.Count, string.Join(", ", pending));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogUnreachable(logger, e.Message);
            }

            if (DateTime.UtcNow > deadline)
            {
                return 1;
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database cannot be reached yet: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DemoData:Enabled is ignored in {Environment}: demo data and its demo accounts are seeded only in Development")]
    private static partial void LogDemoRefused(ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo accounts with the README's published password (admin@banan.local, …) were created: keep this instance off any public address")]
    private static partial void LogDemoAccounts(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database lacks {Count} migrations ({Names}); run the service with --migrate")]
    private static partial void LogPending(ILogger logger, int count, string names);
}
