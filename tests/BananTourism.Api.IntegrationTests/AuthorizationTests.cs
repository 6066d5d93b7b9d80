using System.Security.Claims;
using BananTourism.Api.Hosting;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Application.Bookings.CreateBooking;
using BananTourism.Application.Bookings.ExpireHolds;
using BananTourism.Application.Calendar.ListHolidays;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Who may send each message is declared on it and enforced by one pipeline behaviour, whatever sends it
/// (an endpoint, a page, a background job): sent straight to the real mediator here, past every endpoint policy.</summary>
public class AuthorizationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly CreateBooking Booking = new(
        Guid.NewGuid(), Guid.NewGuid(), null, null, null, 1, 0, new ContactInput("张三", "13800138000", null), PaymentMethod.PayOnArrival, null);

    [Fact]
    public async Task AMessage_FromACallerItDoesNotName_IsRefusedBeforeItsHandler()
    {
        Assert.Equal(ErrorKind.Unauthorized, (await SendAsAsync(null, Booking)).FirstError!.Kind);              // nobody signed in
        Assert.Equal("forbidden", (await SendAsAsync("operator", Booking)).FirstError!.Code);                   // the wrong role
        Assert.Equal("forbidden", (await SendAsAsync(System, Booking)).FirstError!.Code);                      // a background job
        Assert.Equal("phone_not_verified", (await SendAsAsync("tourist", Booking)).FirstError!.Code);          // let through to the handler

        // Background work is for the service itself, not for any HTTP caller, admins included.
        Assert.True((await SendAsAsync(System, new ExpireHolds())).IsSuccess);
        Assert.Equal("forbidden", (await SendAsAsync("admin", new ExpireHolds())).FirstError!.Code);
        Assert.Equal(ErrorKind.Unauthorized, (await SendAsAsync(null, new ExpireHolds())).FirstError!.Kind);

        // Public reads are for anyone.
        Assert.True((await SendAsAsync(null, new ListHolidays(2026))).IsSuccess);
    }

    private const string System = "(system)";

    private sealed record Outcome(bool IsSuccess, Error? FirstError);

    /// <summary>Sends as a signed-in role, as an anonymous HTTP caller (null), or as the service itself.</summary>
    private async Task<Outcome> SendAsAsync(string? role, object message)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = role == System ? null : new DefaultHttpContext
        {
            User = role is null
                ? new ClaimsPrincipal(new ClaimsIdentity())
                : new ClaimsPrincipal(new ClaimsIdentity([new Claim(Claims.Subject, Guid.NewGuid().ToString()), new Claim(Claims.Role, role)], "test")),
        };
        try
        {
            var result = (IResultInfo)(await scope.ServiceProvider.GetRequiredService<ISender>().Send(message, Ct))!;
            return new Outcome(result.IsSuccess, result.IsSuccess ? null : result.Errors[0]);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }
}
