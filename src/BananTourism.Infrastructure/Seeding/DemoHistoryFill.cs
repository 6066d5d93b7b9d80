using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BananTourism.Infrastructure.Seeding;

/// <summary>The days a fresh demo database is to get a past for, set at start-up by whoever seeded it.</summary>
public sealed class DemoHistoryPlan
{
    public (DateOnly From, DateOnly Until)? Range { get; private set; }

    public void Fill(DateOnly from, DateOnly until) => Range = (from, until);
}

/// <summary>Writes the planned demo history while the service already answers: a fresh start is ready in seconds and
/// its dashboards fill from last January on, a transaction per run of whole days, so the service takes bookings between
/// them. A fill stopped half-way keeps the days it wrote (a restart does not seed, nor fill, again).</summary>
public sealed partial class DemoHistoryFiller(DemoHistoryPlan plan, IServiceScopeFactory scopes, ILogger<DemoHistoryFiller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (plan.Range is not { } range)
        {
            return;
        }

        try
        {
            await Task.Yield(); // let the host finish starting
            LogStarted(range.From, range.Until);
            await using var scope = scopes.CreateAsyncScope();
            var month = range.From.Month;
            var progress = new SynchronousProgress(date =>
            {
                if (date.Month != month)
                {
                    month = date.Month;
                    LogFilled(date.AddDays(-1));
                }
            });
            await scope.ServiceProvider.GetRequiredService<HistoryGenerator>().GenerateAsync(range.From, range.Until, stoppingToken, progress);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped();
        }
        catch (Exception e)
        {
            LogFailed(e);
        }
    }

    /// <summary>Reports on the generator's own thread, in order (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<DateOnly> report) : IProgress<DateOnly>
    {
        public void Report(DateOnly value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history: filling {From} to {Until} in the background; the dashboards fill from the start")]
    private partial void LogStarted(DateOnly from, DateOnly until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history: written up to {Date}")]
    private partial void LogFilled(DateOnly date);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo history: stopped with the service; the days written so far are kept")]
    private partial void LogStopped();

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo history: the fill failed; the days written so far are kept")]
    private partial void LogFailed(Exception e);
}
