using System.Text;
using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BananTourism.Api.Hosting;

/// <summary>Turns a use case's result into the endpoint's answer.</summary>
public static class ResultHttp
{
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Errors.ToProblem();

    public static Results<FileContentHttpResult, ProblemHttpResult> ToFile(this Result<FileContent> result) =>
        result.IsSuccess
            ? TypedResults.File(Encoding.UTF8.GetBytes(result.Value.Content), result.Value.ContentType, result.Value.FileName)
            : result.Errors.ToProblem();

    public static Results<NoContent, ProblemHttpResult> ToNoContent(this Result<Success> result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Errors.ToProblem();

    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : result.Errors.ToProblem();
}
