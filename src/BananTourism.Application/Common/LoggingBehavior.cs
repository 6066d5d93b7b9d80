using System.Diagnostics;
using BananTourism.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Common;

/// <summary>Logs each use case's outcome and duration; failures at information level with their codes.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response is IResultInfo { IsSuccess: false } failed)
        {
            LogFailed(typeof(TMessage).Name, failed.ErrorCodes, elapsed);
        }
        else
        {
            LogHandled(typeof(TMessage).Name, elapsed);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Message} handled in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string message, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} failed with {Codes} in {ElapsedMs:0.0} ms")]
    private partial void LogFailed(string message, string codes, double elapsedMs);
}
