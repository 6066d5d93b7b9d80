using BananTourism.Application.Payments;
using BananTourism.Application.Payments.ReconcilePayments;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BananTourism.Infrastructure.Background;

/// <summary>Reconciles payments on start and then every minute, where a payment provider is configured.</summary>
internal sealed partial class PaymentReconciliationService(
    IServiceScopeFactory scopes, IPaymentGateway gateway, TimeProvider clock, ILogger<PaymentReconciliationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!gateway.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ReconcilePayments(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment reconciliation failed; retrying in a minute")]
    private partial void LogFailed(Exception exception);
}
