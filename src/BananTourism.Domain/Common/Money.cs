namespace BananTourism.Domain.Common;

/// <summary>An amount in minor units (fen for CNY). Never a floating-point number.</summary>
public readonly record struct Money(long Amount, string Currency)
{
    public const string Cny = "CNY";

    public static Money Yuan(long fen) => new(fen, Cny);

    public static Money Zero => new(0, Cny);

    public static Money operator +(Money a, Money b)
    {
        EnsureSameCurrency(a, b);
        return a with { Amount = checked(a.Amount + b.Amount) };
    }

    public static Money operator *(Money a, int factor) => a with { Amount = checked(a.Amount * factor) };

    public static Money Add(Money a, Money b) => a + b;

    public static Money Multiply(Money a, int factor) => a * factor;

    private static void EnsureSameCurrency(Money a, Money b)
    {
        if (!string.Equals(a.Currency, b.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cannot add {a.Currency} to {b.Currency}.");
        }
    }
}
