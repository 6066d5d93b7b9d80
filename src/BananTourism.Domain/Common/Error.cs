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
}

/// <summary>An expected failure, returned as a value. <see cref="Code"/> is stable and part of the API contract.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind, string? Field = null)
{
    public const string ValidationFailedCode = "validation_failed";

    public static Error Validation(string field, string message) =>
        new(ValidationFailedCode, message, ErrorKind.Validation, field);

    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    public static Error Unauthorized(string code, string message) => new(code, message, ErrorKind.Unauthorized);

    public static Error Unprocessable(string code, string message) => new(code, message, ErrorKind.Unprocessable);

    public static Error Unavailable(string code, string message) => new(code, message, ErrorKind.Unavailable);
}
