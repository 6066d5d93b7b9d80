using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;

namespace BananTourism.Domain.Bookings;

/// <summary>How many of an extra the tourist asked for.</summary>
public sealed record ExtraChoice(Guid ExtraId, int Quantity);

/// <summary>Prices extras on the server: a line per extra, or for an extra priced per night a line for each night.</summary>
public static class ExtraPricing
{
    /// <summary>The lines for <paramref name="choices"/> from <paramref name="offered"/>, or the first choice that does not
    /// fit (an unknown extra, a repeated one, a quantity beyond <see cref="Extra.MaxQuantity"/>), named by its index.</summary>
    public static Result<IReadOnlyList<BookingLine>> Lines(
        IReadOnlyList<Extra> offered, IReadOnlyList<ExtraChoice> choices, DateOnly date, DateOnly endDate, int party)
    {
        var lines = new List<BookingLine>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            var extra = offered.FirstOrDefault(e => e.Id == choice.ExtraId);
            if (extra is null)
            {
                return Error.Validation($"extras[{i}].extraId", "This offering has no such extra.");
            }

            if (!seen.Add(extra.Id))
            {
                return Error.Validation($"extras[{i}].extraId", "Each extra is listed once, with its quantity.");
            }

            var max = extra.MaxQuantity(party);
            if (choice.Quantity < 1 || choice.Quantity > max)
            {
                return Error.Validation($"extras[{i}].quantity", $"{extra.Name}: between 1 and {max}.");
            }

            lines.AddRange(LinesFor(extra.Id, extra.Name, extra.NameEn, extra.Per, extra.Price, choice.Quantity, date, endDate));
        }

        return lines;
    }

    /// <summary>A booking's extras again for a move to <paramref name="date"/>–<paramref name="endDate"/>: the same extras,
    /// quantities and prices it was booked with, a per-night extra on each new night.</summary>
    public static IReadOnlyList<BookingLine> Moved(IEnumerable<BookingLine> current, DateOnly date, DateOnly endDate) =>
        current.Where(l => l.Kind == LineKind.Extra)
            .GroupBy(l => l.ExtraId)
            .SelectMany(g =>
            {
                var l = g.First();
                return LinesFor(l.ExtraId!.Value, l.Name!, l.NameEn, l.Per ?? ExtraPer.Unit, l.UnitPrice, l.Quantity, date, endDate);
            })
            .ToList();

    private static IEnumerable<BookingLine> LinesFor(
        Guid id, string name, string? nameEn, ExtraPer per, long price, int quantity, DateOnly date, DateOnly endDate) =>
        per == ExtraPer.Night
            ? Enumerable.Range(0, Math.Max(1, endDate.DayNumber - date.DayNumber))
                .Select(n => BookingLine.ForExtra(date.AddDays(n), id, name, nameEn, per, quantity, price))
            : [BookingLine.ForExtra(date, id, name, nameEn, per, quantity, price)];
}
