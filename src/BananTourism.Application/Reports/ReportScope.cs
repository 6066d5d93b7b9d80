using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Reports;

/// <summary>Which township a report may cover: an officer only their own (another township, or a village or
/// venue elsewhere, does not exist for them: 404), an admin any.</summary>
public static class ReportScope
{
    public static readonly Error NotInYourTownship = Error.NotFound("not_found", "No such township, village or venue in your area.");

    public static async Task<Result<Guid?>> TownshipAsync(
        IAppDbContext db, ICurrentUser user, Guid? townshipId, Guid? villageId, Guid? venueId, CancellationToken ct)
    {
        Guid? own = null;
        if (user.Role != Role.Admin)
        {
            var me = user.Id ?? Guid.Empty;
            own = await db.Users.Where(u => u.Id == me && u.Role == Role.Officer).Select(u => u.TownshipId).SingleOrDefaultAsync(ct);
            if (own is null)
            {
                return Error.Forbidden("forbidden", "Only officers and admins see reports.");
            }
        }

        if (townshipId is { } t && !await db.Townships.AnyAsync(x => x.Id == t && (own == null || x.Id == own), ct))
        {
            return NotInYourTownship;
        }

        if (villageId is { } vi && !await db.Villages.AnyAsync(x => x.Id == vi && (own == null || x.TownshipId == own), ct))
        {
            return NotInYourTownship;
        }

        if (venueId is { } ve && !await (from v in db.Venues join vil in db.Villages on v.VillageId equals vil.Id
                                          where v.Id == ve && (own == null || vil.TownshipId == own) select v).AnyAsync(ct))
        {
            return NotInYourTownship;
        }

        return own ?? townshipId;
    }
}
