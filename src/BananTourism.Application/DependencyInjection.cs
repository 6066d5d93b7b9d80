using BananTourism.Application.Common;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace BananTourism.Application;

public static class DependencyInjection
{
    /// <summary>Validators (stateless, so singletons). The mediator itself is generated and registered in the host.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Stop at a rule's first failure: later rules of the same property may assume it is present.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : FieldName.Of(member.Name);
        services.AddValidatorsFromAssemblyContaining<IAppDbContext>(ServiceLifetime.Singleton);
        return services;
    }
}
