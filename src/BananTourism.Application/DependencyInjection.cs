using BananTourism.Application.Bookings;
using BananTourism.Application.Common;
using BananTourism.Application.Common.Idempotency;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BananTourism.Application;

public static class DependencyInjection
{
    /// <summary>Validators (stateless, so singletons) and the use cases' collaborators. The mediator itself is
    /// generated and registered in the host.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        // Stop at a rule's first failure: later rules of the same property may assume it is present.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : FieldName.Of(member.Name);
        services.AddValidatorsFromAssemblyContaining<IAppDbContext>(ServiceLifetime.Singleton);

        services.AddSingleton(configuration.GetSection(BookingOptions.Section).Get<BookingOptions>() ?? new BookingOptions());
        services.AddSingleton(configuration.GetSection(Accounts.PhoneVerificationOptions.Section).Get<Accounts.PhoneVerificationOptions>()
                              ?? new Accounts.PhoneVerificationOptions());
        // IMeterFactory comes from the host (AddMetrics is part of every .NET host).
        services.AddSingleton<BananMetrics>();
        services.AddScoped<IdempotencyGuard>();
        services.AddScoped<Payments.PaymentSettlement>();
        services.AddScoped<Payments.MovePayments>();
        services.AddScoped<Payments.WeighOutPayments>();
        return services;
    }
}
