using BananTourism.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BananTourism.Api.Hosting;

/// <summary>The one place where error values become HTTP problems (RFC 9457), each kind keeping its status.</summary>
public static class ErrorResults
{
    public static ProblemHttpResult ToProblem(this IReadOnlyList<Error> errors)
    {
        var first = errors[0];
        if (first.Kind == ErrorKind.Validation)
        {
            var fields = errors
                .Where(e => e.Kind == ErrorKind.Validation)
                .GroupBy(e => e.Field ?? "body")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
            var validation = new HttpValidationProblemDetails(fields)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Detail = string.Join(" ", fields.Select(f => $"{f.Key}: {f.Value[0]}")),
            };
            validation.Extensions["code"] = first.Code; // validation_failed, or a code of its own such as invalid_code
            return TypedResults.Problem(validation);
        }

        var problem = new ProblemDetails
        {
            Status = StatusOf(first.Kind),
            Title = TitleOf(first.Kind),
            Detail = first.Message,
        };
        problem.Extensions["code"] = first.Code;
        if (first.Field is { } field)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [first.Message] }; // e.g. the upload's "file"
        }

        if (first.RetryAfter is { } wait)
        {
            problem.Extensions[RetryAfterSeconds] = SecondsOf(wait); // RetryAfterFilter copies it into the header
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>The problem's extension that carries how long to wait, in whole seconds.</summary>
    public const string RetryAfterSeconds = "retryAfter";

    public static long SecondsOf(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Unauthorized => "Not signed in.",
        ErrorKind.Forbidden => "Not allowed.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Conflict => "Conflict with the current state.",
        ErrorKind.Unprocessable => "The request cannot be processed.",
        ErrorKind.TooManyRequests => "Too many requests.",
        ErrorKind.Unavailable => "Try again shortly.",
        ErrorKind.TooLarge => "Too large.",
        ErrorKind.UnsupportedMediaType => "Not a supported type.",
        _ => "The request is not valid.",
    };

    /// <summary>The stable <c>code</c> for problems the framework raises itself (unknown route, bad token …).</summary>
    public static string CodeForStatus(int status) => status switch
    {
        400 => Error.ValidationFailedCode,
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        _ => status >= 500 ? "internal_error" : "error",
    };
}
