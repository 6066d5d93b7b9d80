using System.Globalization;
using System.Text.Json;
using BananTourism.Application.Common;
using BananTourism.Application.Reports;
using BananTourism.Domain.Common;
using BananTourism.Domain.Notifications;
using BananTourism.Domain.Users;
using BananTourism.Domain.Venues;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Notifications;

/// <summary>限流预警: when a venue reaches crowded, its township's officers and its operator are told, once per venue, day
/// and level. The key (<c>crowdAlert:{venue}:{date}:{level}:{user}:email</c>) is unique in the database, so every
/// replica may notice the same crossing and the alert still goes once, and a venue that drops below and climbs back the
/// same day does not alert again.</summary>
public static class CrowdAlerts
{
    /// <summary>Adds the alerts of <paramref name="row"/> not queued before; the caller saves. Returns how many.</summary>
    public static async Task<int> QueueAsync(IAppDbContext tx, TodayVenueRow row, DateOnly date, DateTimeOffset now, CancellationToken ct)
    {
        if (row.Level != CrowdLevel.Crowded)
        {
            return 0;
        }

        var recipients = await tx.Users.AsNoTracking()
            .Where(u => u.DisabledAt == null && !u.EmailMuted
                        && ((u.Role == Role.Officer && u.TownshipId == row.TownshipId) || u.Id == row.OperatorId))
            .Select(u => new { u.Id, u.Email, u.Role })
            .ToListAsync(ct);
        var level = row.Level.ToString().ToLowerInvariant();
        var prefix = $"{BookingMessages.CrowdAlert}:{row.VenueId}:{date:yyyy-MM-dd}:{level}:";
        var queued = await tx.Outbox.Where(m => m.DedupKey.StartsWith(prefix)).Select(m => m.DedupKey).ToListAsync(ct);
        var added = 0;
        foreach (var to in recipients)
        {
            var key = $"{prefix}{to.Id}:email";
            if (queued.Contains(key))
            {
                continue;
            }

            var data = new MessageData
            {
                Venue = row.Name,
                VenueEn = row.NameEn ?? row.Name,
                When = now.ToOffset(VenueTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                People = (row.Booked + row.WalkIns).ToString(CultureInfo.InvariantCulture),
                Capacity = row.Capacity.ToString(CultureInfo.InvariantCulture),
                Utilization = (row.Utilization * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
                Link = to.Role == Role.Operator ? "/operator" : "/officer/today",
            };
            tx.Outbox.Add(OutboxMessage.Queue(key, BookingMessages.CrowdAlert, MessageChannel.Email, to.Id, to.Email, "zh", null,
                JsonSerializer.Serialize(data, MessageDataJson.Default.MessageData), now));
            added++;
        }

        return added;
    }
}
