using BananTourism.Application.Common;
using BananTourism.Application.Payments;
using BananTourism.Application.Payments.ReconcilePayments;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BananTourism.Infrastructure.Background;

/// <summary>Reconciles payments once a minute over all replicas, where a payment provider is configured. Every
/// replica asks every 15 s; the one that takes the minute's lease runs it, so the provider is asked once, not
/// once per replica (and were two runs ever to overlap, every step is a guarded transition with an idempotency
/// key at the provider).</summary>
internal sealed partial class PaymentReconciliationService(
    IServiceScopeFactory scopes, IPaymentGateway gateway, JobLeases leases, BananMetrics metrics, TimeProvider clock,
    ILogger<PaymentReconciliationService> logger) : BackgroundService
{
    public const string Job = "payments.reconcile";

    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!gateway.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15), clock);
        do
        {
            try
            {
                if (await leases.TryClaimAsync(Job, Period, stoppingToken))
                {
                    using var activity = BananMetrics.Jobs.StartActivity(Job);
                    metrics.JobRan(Job);
                    await using var scope = scopes.CreateAsyncScope();
                    var report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ReconcilePayments(), stoppingToken);
                    if (report.IsSuccess && report.Value is { Started: > 0 } or { Settled: > 0 } or { Refunded: > 0 } or { Cancelled: > 0 })
                    {
                        LogRepaired(report.Value.Started, report.Value.Settled, report.Value.Refunded, report.Value.Cancelled);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment reconciliation: {Started} payments started, {Settled} settled, {Refunded} refunds asked, {Cancelled} cancelled")]
    private partial void LogRepaired(int started, int settled, int refunded, int cancelled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment reconciliation failed; the next replica to take the lease retries")]
    private partial void LogFailed(Exception exception);
}
