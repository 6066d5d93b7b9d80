using System.Text.Json;
using BananTourism.Api.Hosting;
using BananTourism.Application.Common;
using BananTourism.Application.Reports;
using BananTourism.Application.Reports.GetToday;
using BananTourism.Domain.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BananTourism.Api.Endpoints;

/// <summary>Server-Sent Events of today's board: first every venue of the caller's scope, then each venue's row again
/// whenever it changes (a check-in, walk-in, booking or cancellation on any replica, seen within about a second), each
/// as an event <c>venue</c>. A comment every 15 s keeps proxies from closing an idle stream.</summary>
public static class TodayStream
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(
        Guid? townshipId, HttpContext http, IAppDbContext db, ICurrentUser user, ITodayFeed feed, TimeProvider clock,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        var scope = await TodayScope.OfAsync(db, user, townshipId, ct);
        if (!scope.IsSuccess)
        {
            await scope.Errors.ToProblem().ExecuteAsync(http);
            return;
        }

        // Subscribed before the first read, so nothing that changes in between is missed (at worst a row comes twice).
        using var subscription = feed.Subscribe(scope.Value);
        var options = json.Value.SerializerOptions;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var rows = await TodayFigures.ReadAsync(db, VenueTime.Today(clock.GetUtcNow()), scope.Value.TownshipId, scope.Value.OperatorId, null, ct);
        foreach (var row in rows)
        {
            await WriteAsync(http.Response, row, options, ct);
        }

        await http.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                beat.CancelAfter(Heartbeat);
                try
                {
                    if (!await subscription.WaitToReadAsync(beat.Token))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    continue;
                }

                foreach (var row in subscription.Take())
                {
                    await WriteAsync(http.Response, row, options, ct);
                }

                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    private static Task WriteAsync(HttpResponse response, TodayVenueRow row, JsonSerializerOptions options, CancellationToken ct) =>
        response.WriteAsync($"event: venue\ndata: {JsonSerializer.Serialize(row, options)}\n\n", ct);
}
