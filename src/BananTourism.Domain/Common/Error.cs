namespace BananTourism.Domain.Common;

/// <summary>What kind of failure an <see cref="Error"/> is; the host maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unauthorized,
    Unprocessable,
    TooManyRequests,

    /// <summary>A service we depend on (the payment provider) did not answer; retrying later may work.</summary>
    Unavailable,

    /// <summary>The request's content is larger than accepted (bytes or pixels).</summary>
    TooLarge,

    /// <summary>The request's content is of a type not accepted, judged by the content itself.</summary>
    UnsupportedMediaType,
}

/// <summary>An expected failure, returned as a value. <see cref="Code"/> is stable and part of the API contract.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind, string? Field = null)
{
    public const string ValidationFailedCode = "validation_failed";

    /// <summary>For <see cref="ErrorKind.TooManyRequests"/> and <see cref="ErrorKind.Unavailable"/>: when to try again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static Error Validation(string field, string message) =>
        new(ValidationFailedCode, message, ErrorKind.Validation, field);

    /// <summary>Bad input with a code of its own (not <see cref="ValidationFailedCode"/>), e.g. a wrong one-time code.</summary>
    public static Error Invalid(string code, string field, string message) => new(code, message, ErrorKind.Validation, field);

    public static Error TooManyRequests(string code, string message, TimeSpan retryAfter) =>
        new(code, message, ErrorKind.TooManyRequests) { RetryAfter = retryAfter };

    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    public static Error Unauthorized(string code, string message) => new(code, message, ErrorKind.Unauthorized);

    public static Error Unprocessable(string code, string message) => new(code, message, ErrorKind.Unprocessable);

    public static Error TooLarge(string code, string field, string message) => new(code, message, ErrorKind.TooLarge, field);

    public static Error UnsupportedMediaType(string code, string field, string message) => new(code, message, ErrorKind.UnsupportedMediaType, field);

    public static Error Unavailable(string code, string message, TimeSpan? retryAfter = null) =>
        new(code, message, ErrorKind.Unavailable) { RetryAfter = retryAfter };
}
