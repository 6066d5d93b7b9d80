using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;

namespace BananTourism.Domain.Produce;

/// <summary>Where a weigh-out's money is taken: at the stall (cash or the farm's own QR code, recorded here), or
/// online through a payment the tourist makes from the booking page.</summary>
public enum Collect
{
    AtGate,
    Online,
}

public enum WeighOutStatus
{
    /// <summary>Taken at the stall when the receipt was made.</summary>
    Collected,

    /// <summary>Online, waiting for the tourist's payment.</summary>
    Pending,

    /// <summary>Online, the provider says it was paid.</summary>
    Paid,

    /// <summary>Made by mistake and voided; money taken online is paid back.</summary>
    Voided,
}

/// <summary>过秤单: what a checked-in party took home from the exit's scale (fruit by the 斤, roses by the stem, the catch
/// cooked by the 斤), priced from the offering's produce list at that moment. Never edited: a mistake is voided (within
/// <see cref="VoidWindow"/>) and weighed again.</summary>
public sealed class WeighOut
{
    public static readonly TimeSpan VoidWindow = TimeSpan.FromMinutes(15);

    private readonly List<WeighOutLine> _lines = [];

    private WeighOut()
    {
    }

    public Guid Id { get; private set; }

    public Guid BookingId { get; private set; }

    public Guid OfferingId { get; private set; }

    public Guid VenueId { get; private set; }

    /// <summary>The day it was weighed (venue time), which the produce figures count it on.</summary>
    public DateOnly Date { get; private set; }

    public IReadOnlyList<WeighOutLine> Lines => _lines;

    /// <summary>Fen.</summary>
    public long Total { get; private set; }

    public Collect Collect { get; private set; }

    public WeighOutStatus Status { get; private set; }

    public string? PaymentIntentId { get; private set; }

    public string? PaymentClientSecret { get; private set; }

    /// <summary>The payback of money taken online for a receipt voided after it was paid.</summary>
    public RefundStatus RefundStatus { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    public Guid? VoidedBy { get; private set; }

    /// <summary>Whether its money is the farm's: collected at the stall, or paid online and not voided.</summary>
    public bool Counts => Status is WeighOutStatus.Collected or WeighOutStatus.Paid;

    /// <summary>Weighs <paramref name="items"/> out from <paramref name="produce"/>, or names the first item that does not
    /// fit (a product not on the list, a repeated one, a count of stems with decimals).</summary>
    public static Result<WeighOut> Create(
        Guid bookingId, Offering offering, IReadOnlyList<(Guid ProduceId, Quantity Quantity)> items, Collect collect,
        Guid operatorId, DateTimeOffset now)
    {
        var priced = new List<(ProduceItem Item, Quantity Quantity)>();
        for (var i = 0; i < items.Count; i++)
        {
            var (produceId, quantity) = items[i];
            var item = offering.Produce.FirstOrDefault(p => p.Id == produceId);
            if (item is null)
            {
                return Error.Validation($"items[{i}].produceId", "This offering sells no such produce.");
            }

            if (priced.Any(p => p.Item.Id == produceId))
            {
                return Error.Validation($"items[{i}].produceId", "Each product is listed once, with its quantity.");
            }

            if (item.Counted && quantity.Thousandths % 1000 != 0)
            {
                return Error.Validation($"items[{i}].quantity", $"{item.Name} is counted, not weighed: a whole number.");
            }

            priced.Add((item, quantity));
        }

        var (total, amounts) = Receipt.Price(priced.Select(p => (p.Quantity, p.Item.Price)).ToList());
        var weighOut = new WeighOut
        {
            Id = Guid.CreateVersion7(now),
            BookingId = bookingId,
            OfferingId = offering.Id,
            VenueId = offering.VenueId,
            Date = VenueTime.Today(now),
            Total = total,
            Collect = collect,
            Status = collect == Collect.AtGate ? WeighOutStatus.Collected : WeighOutStatus.Pending,
            RefundStatus = RefundStatus.NotRequired,
            CreatedBy = operatorId,
            CreatedAt = now,
        };
        weighOut._lines.AddRange(priced.Select((p, i) =>
            new WeighOutLine(p.Item.Id, p.Item.Name, p.Item.NameEn, p.Item.Unit, p.Quantity.Thousandths, p.Item.Price, amounts[i])));
        return weighOut;
    }

    /// <summary>Whether it may still be voided at <paramref name="now"/>: not voided, and within <see cref="VoidWindow"/>.</summary>
    public bool VoidableAt(DateTimeOffset now) => Status != WeighOutStatus.Voided && now - CreatedAt <= VoidWindow;
}

/// <summary>One product on a receipt: its name, unit and price copied from the list, the quantity in thousandths.</summary>
public sealed class WeighOutLine
{
    private WeighOutLine()
    {
    }

    public WeighOutLine(Guid produceId, string name, string? nameEn, ProduceUnit unit, long quantityThousandths, long unitPrice, long amount)
    {
        ProduceId = produceId;
        Name = name;
        NameEn = nameEn;
        Unit = unit;
        QuantityThousandths = quantityThousandths;
        UnitPrice = unitPrice;
        Amount = amount;
    }

    public Guid ProduceId { get; private set; }

    public string Name { get; private set; } = "";

    public string? NameEn { get; private set; }

    public ProduceUnit Unit { get; private set; }

    public long QuantityThousandths { get; private set; }

    public long UnitPrice { get; private set; }

    /// <summary>Fen: its share of the receipt's total (see <see cref="Receipt"/>).</summary>
    public long Amount { get; private set; }
}
