using System.Text.Json;
using System.Text.RegularExpressions;
using BananTourism.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace BananTourism.Api.Hosting;

/// <summary>Requests the framework could not bind (malformed JSON, a value of the wrong type, an unknown field,
/// an unparsable query value, a body over the limit) become 400/413 problems naming the field, in the same
/// shape as validation errors from the use cases.</summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        ProblemDetails problem;
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            problem = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request body is too large.",
                Detail = "Send a smaller body.",
            };
            problem.Extensions["code"] = "payload_too_large";
        }
        else
        {
            var (field, message) = Describe(bad);
            problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = bad.StatusCode,
                Title = "The request is not valid.",
                Detail = $"{field}: {message}",
            };
            problem.Extensions["code"] = Error.ValidationFailedCode;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var unknown = UnknownMember().Match(json.Message);
            if (unknown.Success)
            {
                // The path already ends at the unknown member.
                var path = FieldOf(json.Path);
                return (path == "body" ? unknown.Groups["name"].Value : path, "Unknown field.");
            }

            return (FieldOf(json.Path), json.Path is null or "$"
                ? "The body is not valid JSON for this request."
                : "The value is missing, malformed or of the wrong type.");
        }

        var parameter = Parameter().Match(bad.Message);
        var field = parameter.Success ? FieldName(parameter.Groups["name"].Value) : "body";
        if (bad.Message.StartsWith("Required parameter", StringComparison.Ordinal))
        {
            return (field, "Required.");
        }

        if (bad.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return ("body", "A JSON body is required.");
        }

        var value = Value().Match(bad.Message);
        return (field, value.Success
            ? $"'{Truncate(value.Groups["value"].Value)}' is not a valid value."
            : "The value is not valid.");
    }

    /// <summary>"$.contact.phone" → "contact.phone"; the root → "body".</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    private static string FieldName(string name) =>
        name.Length == 0 ? "body" : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("""parameter "(?:[^"]* )?(?<name>[A-Za-z0-9_]+)"(?: from "(?<value>.*)")?""")]
    private static partial Regex Parameter();

    [GeneratedRegex("""from "(?<value>.*)"\.$""")]
    private static partial Regex Value();

    [GeneratedRegex("""The JSON property '(?<name>[^']+)' could not be mapped""")]
    private static partial Regex UnknownMember();
}
