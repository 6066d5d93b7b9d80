using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Reports.GetOccupancyReport;

/// <summary>Per offering over [From, To]: the capacity on sale (places in open slots; units of open nights)
/// and how much of it was booked. Stays count booked units (held ones included); slots count people.</summary>
[Allowed(Caller.Officer, Caller.Admin)]
public sealed record GetOccupancyReport(DateOnly? From, DateOnly? To, Guid? VenueId) : IQuery<Result<IReadOnlyList<OccupancyRow>>>;

public sealed record OccupancyRow(Guid OfferingId, string OfferingName, Guid VenueId, string VenueName, OfferingKind Kind, int Capacity, int Booked, double Rate);

public sealed class GetOccupancyReportHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetOccupancyReport, Result<IReadOnlyList<OccupancyRow>>>
{
    public async ValueTask<Result<IReadOnlyList<OccupancyRow>>> Handle(GetOccupancyReport query, CancellationToken ct)
    {
        var scope = await ReportScope.TownshipAsync(db, currentUser, null, null, query.VenueId, ct);
        if (!scope.IsSuccess)
        {
            return Result<IReadOnlyList<OccupancyRow>>.Failure(scope.Errors);
        }

        var (first, last, township) = (query.From!.Value, query.To!.Value, scope.Value);
        var offerings = await (
                from o in db.Offerings
                join v in db.Venues on o.VenueId equals v.Id
                join vil in db.Villages on v.VillageId equals vil.Id
                where (township == null || vil.TownshipId == township) && (query.VenueId == null || v.Id == query.VenueId)
                orderby v.Name, o.Name
                select new
                {
                    o.Id, o.Name, VenueId = v.Id, VenueName = v.Name, o.Kind,
                    SlotCapacity = db.Slots.Where(s => s.OfferingId == o.Id && s.Date >= first && s.Date <= last && !s.Closed).Sum(s => (int?)s.Capacity) ?? 0,
                    NightUnits = db.Nights.Where(n => n.OfferingId == o.Id && n.Date >= first && n.Date <= last && !n.Closed).Sum(n => (int?)n.Units) ?? 0,
                    NightsBooked = db.Nights.Where(n => n.OfferingId == o.Id && n.Date >= first && n.Date <= last && !n.Closed).Sum(n => (int?)n.Reserved) ?? 0,
                    PeopleBooked = db.OfferingDays.Where(d => d.OfferingId == o.Id && d.Date >= first && d.Date <= last).Sum(d => (int?)d.Booked) ?? 0,
                })
            .AsNoTracking()
            .ToListAsync(ct);

        return offerings.Select(o =>
        {
            var (capacity, booked) = o.Kind switch
            {
                OfferingKind.TimeSlot => (o.SlotCapacity, o.PeopleBooked),
                OfferingKind.Nightly => (o.NightUnits, o.NightsBooked),
            };
            return new OccupancyRow(o.Id, o.Name, o.VenueId, o.VenueName, o.Kind, capacity, booked, capacity == 0 ? 0 : Math.Round((double)booked / capacity, 4));
        }).ToList();
    }
}

public sealed class GetOccupancyReportValidator : AbstractValidator<GetOccupancyReport>
{
    public GetOccupancyReportValidator()
    {
        RuleFor(q => q.From).NotNull();
        RuleFor(q => q.To).NotNull()
            .Must((q, to) => to >= q.From).WithMessage("'to' must not be before 'from'.")
            .Must((q, to) => to!.Value.DayNumber - q.From!.Value.DayNumber < 1096).WithMessage("A report may cover at most three years.")
            .When(q => q.From is not null);
    }
}
