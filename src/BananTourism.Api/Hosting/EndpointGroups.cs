using System.Reflection;

namespace BananTourism.Api.Hosting;

/// <summary>A feature's endpoints. Groups are found by convention, so adding a feature touches no central list.</summary>
public interface IEndpointGroup
{
    static abstract void Map(IEndpointRouteBuilder app);
}

public static class EndpointGroups
{
    public static IEndpointRouteBuilder MapEndpointGroups(this IEndpointRouteBuilder app)
    {
        var groups = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IEndpointGroup)));
        var all = app.MapGroup("").AddEndpointFilter<RetryAfterFilter>();
        foreach (var group in groups)
        {
            group.GetMethod(nameof(IEndpointGroup.Map), BindingFlags.Public | BindingFlags.Static)!
                .Invoke(null, [all]);
        }

        return app;
    }
}
