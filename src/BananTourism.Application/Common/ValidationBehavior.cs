using BananTourism.Domain.Common;
using FluentValidation;
using Mediator;

namespace BananTourism.Application.Common;

/// <summary>Runs the message's validators and, on failure, returns the errors as a value through the
/// response's static factory, so a handler never sees invalid input and nothing throws.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        List<Error>? errors = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in result.Errors)
            {
                (errors ??= []).Add(Error.Validation(FieldName.Of(failure.PropertyName), failure.ErrorMessage));
            }
        }

        return errors is null ? await next(message, cancellationToken) : TResponse.Failure(errors);
    }
}

public static class FieldName
{
    /// <summary>"Contact.Phone" → "contact.phone", "Times[0].Start" → "times[0].start": field names as the JSON has
    /// them. Commands that wrap a request body in a <c>Body</c> property report its fields without that prefix.</summary>
    public static string Of(string propertyPath)
    {
        var path = propertyPath.StartsWith("Body.", StringComparison.Ordinal) ? propertyPath[5..] : propertyPath;
        return string.Join('.', path.Split('.').Select(CamelCase));
    }

    private static string CamelCase(string segment) =>
        segment.Length == 0 || char.IsLower(segment[0])
            ? segment
            : string.Concat(char.ToLowerInvariant(segment[0]).ToString(), segment[1..]);
}
