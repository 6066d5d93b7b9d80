using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Reports.GetVisitorReport;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Produce;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Reports.GetProduceReport;

/// <summary>Produce weighed out at the exits: quantity and revenue per product per period (and optionally per township,
/// village or venue), counted on the day weighed, from receipts collected at the stall or paid online and not voided.
/// Products are told apart by name and unit, so 柑橘 by the 斤 at two farms add up. Every product sold in the range appears
/// in every period, with zeros where none was sold.</summary>
[Allowed(Caller.Officer, Caller.Admin)]
public sealed record GetProduceReport(
    DateOnly? From, DateOnly? To, Period? GroupBy, Breakdown? By, Guid? TownshipId, Guid? VillageId, Guid? VenueId)
    : IQuery<Result<ProduceReport>>;

/// <param name="Totals">Each product over the whole range, the best-selling first.</param>
public sealed record ProduceReport(IReadOnlyList<ProduceRow> Rows, ProduceTotals Totals);

public sealed record ProduceRow(string Period, string? Key, string? Name, string ProduceName, ProduceUnit Unit, decimal Quantity, Money Revenue);

public sealed record ProduceTotals(Money Revenue, IReadOnlyList<ProductTotal> Products);

public sealed record ProductTotal(string ProduceName, ProduceUnit Unit, decimal Quantity, Money Revenue);

public sealed class GetProduceReportHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetProduceReport, Result<ProduceReport>>
{
    public async ValueTask<Result<ProduceReport>> Handle(GetProduceReport query, CancellationToken ct)
    {
        var scope = await ReportScope.TownshipAsync(db, currentUser, query.TownshipId, query.VillageId, query.VenueId, ct);
        if (!scope.IsSuccess)
        {
            return Result<ProduceReport>.Failure(scope.Errors);
        }

        var (first, last, township) = (query.From!.Value, query.To!.Value, scope.Value);
        var days = await (
                from d in db.ProduceDays
                join o in db.Offerings on d.OfferingId equals o.Id
                join v in db.Venues on o.VenueId equals v.Id
                join vil in db.Villages on v.VillageId equals vil.Id
                join t in db.Townships on vil.TownshipId equals t.Id
                where d.Date >= first && d.Date <= last
                      && (township == null || vil.TownshipId == township)
                      && (query.VillageId == null || v.VillageId == query.VillageId)
                      && (query.VenueId == null || v.Id == query.VenueId)
                      && (d.QuantityThousandths != 0 || d.Revenue != 0)
                select new
                {
                    d.Date, d.Name, d.Unit, d.QuantityThousandths, d.Revenue,
                    Key = query.By == Breakdown.Township ? (Guid?)t.Id : query.By == Breakdown.Village ? vil.Id : query.By == Breakdown.Venue ? v.Id : null,
                    KeyName = query.By == Breakdown.Township ? t.Name : query.By == Breakdown.Village ? vil.Name : query.By == Breakdown.Venue ? v.Name : null,
                })
            .AsNoTracking().ToListAsync(ct);

        var groupBy = query.GroupBy ?? Period.Month;
        var periods = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1)
            .Select(i => GetVisitorReportHandler.PeriodOf(first.AddDays(i), groupBy)).Distinct().ToList();
        var products = days.Select(d => (d.Name, d.Unit)).Distinct().OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Unit).ToList();
        var keys = days.Select(d => (d.Key, d.KeyName)).Distinct().OrderBy(k => k.KeyName, StringComparer.Ordinal).ToList();
        var sums = days.GroupBy(d => (Period: GetVisitorReportHandler.PeriodOf(d.Date, groupBy), d.Key, d.Name, d.Unit))
            .ToDictionary(g => g.Key, g => (Quantity: g.Sum(x => x.QuantityThousandths), Revenue: g.Sum(x => x.Revenue)));
        var sold = sums.Keys.Select(s => (s.Key, s.Name, s.Unit)).ToHashSet();
        var rows = (
                from p in periods
                from k in keys
                from product in products
                let sum = sums.GetValueOrDefault((p, k.Key, product.Name, product.Unit))
                where query.By is null || sold.Contains((k.Key, product.Name, product.Unit))
                select new ProduceRow(p, k.Key?.ToString(), k.KeyName, product.Name, product.Unit, new Quantity(sum.Quantity).Value, Money.Yuan(sum.Revenue)))
            .ToList();
        var totals = products
            .Select(product =>
            {
                var of = days.Where(d => d.Name == product.Name && d.Unit == product.Unit).ToList();
                return new ProductTotal(product.Name, product.Unit, new Quantity(of.Sum(d => d.QuantityThousandths)).Value, Money.Yuan(of.Sum(d => d.Revenue)));
            })
            .OrderByDescending(t => t.Revenue.Amount).ThenBy(t => t.ProduceName, StringComparer.Ordinal)
            .ToList();
        return new ProduceReport(rows, new ProduceTotals(Money.Yuan(days.Sum(d => d.Revenue)), totals));
    }
}

public sealed class GetProduceReportValidator : AbstractValidator<GetProduceReport>
{
    public GetProduceReportValidator()
    {
        RuleFor(q => q.From).NotNull();
        RuleFor(q => q.To).NotNull()
            .Must((q, to) => to >= q.From).WithMessage("'to' must not be before 'from'.")
            .Must((q, to) => to!.Value.DayNumber - q.From!.Value.DayNumber < GetVisitorReportValidator.MaxDays).WithMessage("A report may cover at most three years.")
            .When(q => q.From is not null);
        RuleFor(q => q.GroupBy).IsInEnum();
        RuleFor(q => q.By).IsInEnum().NotEqual(Breakdown.Category).WithMessage("Produce is reported by township, village or venue.");
    }
}
