using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BananTourism.Infrastructure.Messaging;

/// <summary>Sends text messages through the configured provider (if any) and copies each to the pickup folder (if
/// set). Without either nothing can be sent, and the caller hears 503 <c>sms_unavailable</c>. Only in Development
/// does the log show a message's text; elsewhere it shows the template and a masked number, never a code.</summary>
public sealed partial class SmsDispatch(
    PickupFolder pickup, BananMetrics metrics, IHostEnvironment environment, ILogger<SmsDispatch> logger, AliyunSmsSender? provider = null) : ISmsSender
{
    public async Task<Result<Success>> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        if (provider is null && !pickup.Enabled)
        {
            LogNoProvider(message.Template);
            metrics.Notification("sms", "failed");
            return SmsErrors.Unavailable;
        }

        if (provider is not null)
        {
            var sent = await provider.SendAsync(message, cancellationToken);
            if (!sent.IsSuccess)
            {
                metrics.Notification("sms", "failed");
                return sent;
            }
        }

        await pickup.WriteAsync(new PickupMessage(message.Id, message.Template, "sms", message.To, null, message.Body, null), cancellationToken);
        metrics.Notification("sms", "sent");
        if (environment.IsDevelopment())
        {
            LogSentWithText(message.Template, message.To, message.Body);
        }
        else
        {
            LogSent(message.Template, Masked(message.To), message.Id);
        }

        return Success.Value;
    }

    internal static string Masked(string phone) => phone.Length > 7 ? phone[..3] + "****" + phone[^4..] : "****";

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {Template} to {To}: {Text}")]
    private partial void LogSentWithText(string template, string to, string text);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {Template} {MessageId} sent to {To}")]
    private partial void LogSent(string template, string to, Guid messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS {Template} not sent: no SMS provider (Notifications:Sms:Provider) and no pickup folder are configured")]
    private partial void LogNoProvider(string template);
}
