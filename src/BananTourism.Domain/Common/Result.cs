namespace BananTourism.Domain.Common;

/// <summary>A result whose failure can be built without knowing its value type, so pipeline behaviours can
/// return errors for any message (static abstract factory, no reflection and no throwing).</summary>
public interface IFailable<TSelf>
    where TSelf : IFailable<TSelf>
{
    static abstract TSelf Failure(IReadOnlyList<Error> errors);
}

/// <summary>What logging and tests need to know of any result without its value type.</summary>
public interface IResultInfo
{
    bool IsSuccess { get; }

    IReadOnlyList<Error> Errors { get; }

    string ErrorCodes => string.Join(',', Errors.Select(e => e.Code).Distinct());
}

/// <summary>Marker for "returned nothing but succeeded".</summary>
public readonly record struct Success
{
    public static Success Value => default;
}

/// <summary>Either a value or one or more errors.</summary>
public sealed class Result<T> : IFailable<Result<T>>, IResultInfo
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Errors = [];
    }

    private Result(IReadOnlyList<Error> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed result needs at least one error.", nameof(errors));
        }

        Errors = errors;
    }

    public bool IsSuccess => Errors.Count == 0;

    public IReadOnlyList<Error> Errors { get; }

    /// <summary>The first error; only meaningful on failure.</summary>
    public Error FirstError => IsSuccess ? throw new InvalidOperationException("A successful result has no error.") : Errors[0];

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result failed: {Errors[0].Code}");

    public static Result<T> Success(T value) => new(value);

    public static Result<T> Failure(IReadOnlyList<Error> errors) => new(errors);

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new([error]);

    public TOut Match<TOut>(Func<T, TOut> onSuccess, Func<IReadOnlyList<Error>, TOut> onFailure) =>
        IsSuccess ? onSuccess(_value!) : onFailure(Errors);
}
