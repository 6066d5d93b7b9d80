using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using Microsoft.Extensions.Logging;

namespace BananTourism.Infrastructure.Messaging;

/// <summary>Alibaba Cloud SMS (阿里云短信服务, <c>SendSms</c> of API version 2017-05-25) over its RPC HTTP API, signed
/// as its documentation says (signature version 1.0, HMAC-SHA1): every parameter but <c>Signature</c> sorted by
/// name and percent-encoded (RFC 3986, so space is %20, * is %2A, ~ stays), the canonical string signed as
/// <c>POST&amp;%2F&amp;encode(canonical)</c> with the AccessKey secret followed by <c>&amp;</c>. The message goes by
/// an approved template and signature; its text here is only for the pickup copy.</summary>
public sealed partial class AliyunSmsSender(SmsOptions options, HttpClient http, TimeProvider clock, ILogger<AliyunSmsSender> logger)
{
    public async Task<Result<Success>> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        if (!options.Templates.TryGetValue(message.Template, out var templateCode))
        {
            LogNoTemplate(message.Template);
            return SmsErrors.Unavailable;
        }

        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = options.AccessKeyId ?? "",
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["RegionId"] = options.RegionId,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = Guid.NewGuid().ToString(),
            ["SignatureVersion"] = "1.0",
            ["Timestamp"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Version"] = "2017-05-25",
            ["PhoneNumbers"] = message.To,
            ["SignName"] = options.SignName ?? "",
            ["TemplateCode"] = templateCode,
            ["TemplateParam"] = JsonSerializer.Serialize(message.Parameters),
            ["OutId"] = message.Id.ToString("N"),
        };
        var body = Canonical(parameters) + "&Signature=" + Encode(Sign("POST", parameters, options.AccessKeySecret ?? ""));

        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await http.PostAsync(options.Endpoint, content, cancellationToken);
            var answer = await response.Content.ReadFromJsonAsync<Answer>(cancellationToken);
            if (response.IsSuccessStatusCode && answer?.Code == "OK")
            {
                return Success.Value;
            }

            LogRefused(message.Template, (int)response.StatusCode, answer?.Code, answer?.Message, answer?.RequestId);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            LogFailed(message.Template, e.GetType().Name);
        }

        return SmsErrors.Unavailable;
    }

    /// <summary>Base64(HMAC-SHA1(secret + "&amp;", method + "&amp;%2F&amp;" + encode(canonical))).</summary>
    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var stringToSign = method + "&" + Encode("/") + "&" + Encode(Canonical(parameters));
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static string Canonical(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Encode(p.Key) + "=" + Encode(p.Value)));

    /// <summary>RFC 3986 percent-encoding of UTF-8, upper-case hex: what Alibaba Cloud's POP signature expects.</summary>
    private static string Encode(string value) => Uri.EscapeDataString(value);

    private sealed record Answer(string? Code, string? Message, string? RequestId, string? BizId);

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS {Template}: no Aliyun template code is configured under Notifications:Sms:Templates")]
    private partial void LogNoTemplate(string template);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {Template} refused by Aliyun: HTTP {Status}, {Code} {Reason} (request {RequestId})")]
    private partial void LogRefused(string template, int status, string? code, string? reason, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {Template} not sent: Aliyun did not answer ({Error})")]
    private partial void LogFailed(string template, string error);
}
