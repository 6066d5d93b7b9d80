using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BananTourism.Api.Hosting;

/// <summary>A 429 or 503 problem that says how long to wait (<see cref="ErrorResults.RetryAfterSeconds"/>) also
/// says it in the <c>Retry-After</c> header, where clients and proxies look for it.</summary>
public sealed class RetryAfterFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var problem = (result as INestedHttpResult)?.Result as ProblemHttpResult ?? result as ProblemHttpResult;
        if (problem?.ProblemDetails.Extensions.TryGetValue(ErrorResults.RetryAfterSeconds, out var seconds) == true && seconds is long s)
        {
            context.HttpContext.Response.Headers.RetryAfter = s.ToString(CultureInfo.InvariantCulture);
        }

        return result;
    }
}
