using BananTourism.Domain.Common;

namespace BananTourism.Application.Common;

/// <summary>Sends a text message through whatever provider the deployment configures (or, in development, into
/// the log and the pickup folder). <see cref="SmsMessage.Parameters"/> are what a provider's approved template
/// takes; <see cref="SmsMessage.Body"/> is the same message written out, for people reading a pickup file.</summary>
public interface ISmsSender
{
    Task<Result<Success>> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

public sealed record SmsMessage(Guid Id, string Template, string To, string Body, IReadOnlyDictionary<string, string> Parameters);

public static class SmsErrors
{
    public static readonly Error Unavailable = Error.Unavailable(
        "sms_unavailable", "The text message could not be sent just now; try again in a minute.", TimeSpan.FromMinutes(1));
}
