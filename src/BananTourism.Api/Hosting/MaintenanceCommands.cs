using BananTourism.Application.Reports.RebuildDailyStats;
using BananTourism.Infrastructure.Seeding;
using Mediator;

namespace BananTourism.Api.Hosting;

/// <summary>One-off commands run instead of serving: <c>--generate-history YEARS</c> (Development only) and
/// <c>--rebuild-stats</c>.</summary>
public static partial class MaintenanceCommands
{
    public static async Task<int?> RunMaintenanceCommandAsync(this WebApplication app, string[] args)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BananTourism.Maintenance");
        var history = Array.IndexOf(args, "--generate-history");
        if (history >= 0)
        {
            if (!app.Environment.IsDevelopment())
            {
                LogRefused(logger);
                return 2;
            }

            var years = history + 1 < args.Length && int.TryParse(args[history + 1], out var y) && y is > 0 and <= 10 ? y : 3;
            await using var scope = app.Services.CreateAsyncScope();
            // The generator keeps the daily figures as it writes: no rebuild over millions of bookings afterwards.
            var bookings = await scope.ServiceProvider.GetRequiredService<HistoryGenerator>().GenerateAsync(years, CancellationToken.None);
            LogGenerated(logger, bookings, years);
            return 0;
        }

        if (args.Contains("--rebuild-stats"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var rebuilt = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RebuildDailyStats(), CancellationToken.None);
            LogRebuilt(logger, rebuilt.Value.OfferingDays, rebuilt.Value.Changed);
            return rebuilt.Value.Changed ? 1 : 0;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "--generate-history runs only in Development")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated {Bookings} historical bookings over {Years} years, with their daily figures")]
    private static partial void LogGenerated(ILogger logger, int bookings, int years);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt {Days} offering-days of figures; kept figures differed: {Changed}")]
    private static partial void LogRebuilt(ILogger logger, int days, bool changed);
}
