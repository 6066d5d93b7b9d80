using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Mediator;

namespace BananTourism.Application.Reports.GetToday;

/// <summary>Today at each venue: an officer's township, an admin's district (or one township), an operator's own venues.</summary>
[Allowed(Caller.Officer, Caller.Admin, Caller.Operator)]
public sealed record GetToday(Guid? TownshipId) : IQuery<Result<TodayReport>>;

/// <summary>Whose venues a today board shows: a township (null: all), and for an operator only theirs.</summary>
public sealed record TodayScope(Guid? TownshipId, Guid? OperatorId)
{
    public bool Covers(TodayVenueRow row) =>
        (TownshipId is null || row.TownshipId == TownshipId) && (OperatorId is null || row.OperatorId == OperatorId);

    /// <summary>The caller's scope: an officer's own township (another one does not exist for them: 404).</summary>
    public static async Task<Result<TodayScope>> OfAsync(IAppDbContext db, ICurrentUser user, Guid? townshipId, CancellationToken ct)
    {
        if (user.Role == Role.Operator)
        {
            return new TodayScope(townshipId, user.Me());
        }

        var township = await ReportScope.TownshipAsync(db, user, townshipId, null, null, ct);
        return township.IsSuccess ? new TodayScope(township.Value, null) : Result<TodayScope>.Failure(township.Errors);
    }
}

public sealed class GetTodayHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<GetToday, Result<TodayReport>>
{
    public async ValueTask<Result<TodayReport>> Handle(GetToday query, CancellationToken ct)
    {
        var scope = await TodayScope.OfAsync(db, currentUser, query.TownshipId, ct);
        if (!scope.IsSuccess)
        {
            return Result<TodayReport>.Failure(scope.Errors);
        }

        var today = VenueTime.Today(clock.GetUtcNow());
        var rows = await TodayFigures.ReadAsync(db, today, scope.Value.TownshipId, scope.Value.OperatorId, null, ct);
        return TodayReport.Of(today, rows);
    }
}
