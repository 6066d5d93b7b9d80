using System.Collections.Concurrent;
using System.Security.Claims;
using BananTourism.Application.Accounts.GetSessionState;
using Mediator;

namespace BananTourism.Api.Hosting;

/// <summary>Whether a sign-in still stands: its account exists and is not removed, and its role and security stamp
/// are what the token or cookie carries. API tokens are checked against an answer at most <see cref="Fresh"/> old
/// (so a demoted operator's token stops working within a minute on every replica, without a database read per
/// request); page sessions are checked on every request.</summary>
public sealed class SessionChecks(TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    private const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<Guid, (SessionState? State, DateTimeOffset At)> _recent = new();

    public async Task<bool> StandsAsync(ClaimsPrincipal principal, IServiceProvider services, bool fresh, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirst(Claims.Subject)?.Value, out var id))
        {
            return false;
        }

        var now = clock.GetUtcNow();

        // The remembered answer can only let a token through; one that does not match it (a token issued a moment
        // ago with a new stamp, or a stale one) is judged by the database.
        if (!fresh && _recent.TryGetValue(id, out var known) && now - known.At < Fresh && Matches(principal, known.State))
        {
            return true;
        }

        var answer = await services.GetRequiredService<ISender>().Send(new GetSessionState(id), ct);
        var state = answer.IsSuccess ? answer.Value : null;
        if (_recent.Count >= MaxRemembered)
        {
            _recent.Clear(); // a crude bound: the next requests read the database again
        }

        _recent[id] = (state, now);
        return Matches(principal, state);
    }

    private static bool Matches(ClaimsPrincipal principal, SessionState? state) =>
        state is not null
        && principal.FindFirst(Claims.Stamp)?.Value == state.SecurityStamp
        && principal.FindFirst(Claims.Role)?.Value == Claims.RoleName(state.Role);
}
