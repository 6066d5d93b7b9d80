using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BananTourism.Api.IntegrationTests.Support;

/// <summary>A loopback stand-in for Alibaba Cloud SMS's <c>SendSms</c> (RPC API 2017-05-25). Like the real one it
/// refuses a request whose signature it cannot reproduce, computed here on its own from the documented rules (sorted
/// parameters, RFC 3986 encoding, HMAC-SHA1 keyed with the secret and "&amp;" over <c>POST&amp;%2F&amp;…</c>), and
/// answers <c>{"Code":"OK"}</c> or an error code on demand.</summary>
public sealed class FakeAliyunSms : IAsyncDisposable
{
    public const string AccessKeyId = "LTAI5tBananTestKey";
    public const string AccessKeySecret = "banan-test-secret-of-aliyun";
    public const string SignName = "巴南乡村旅游";
    public const string PhoneCodeTemplate = "SMS_468800001";

    private readonly WebApplication _app;
    private string? _failWith;

    private FakeAliyunSms(WebApplication app) => _app = app;

    public string Endpoint => _app.Urls.First() + "/";

    /// <summary>Every accepted message: its parameters as sent.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Sent { get; } = new();

    /// <summary>Requests refused for their signature or parameters.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>From now on answer this Aliyun error code (e.g. isv.BUSINESS_LIMIT_CONTROL); null to accept again.</summary>
    public void FailWith(string? code) => _failWith = code;

    public static async Task<FakeAliyunSms> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeAliyunSms(builder.Build());
        fake._app.MapPost("/", (Delegate)fake.SendSmsAsync);
        await fake._app.StartAsync();
        return fake;
    }

    /// <summary>The code in the last message sent to <paramref name="phone"/>.</summary>
    public string LastCodeTo(string phone) =>
        JsonNode.Parse(Sent.Last(p => p["PhoneNumbers"] == phone)["TemplateParam"])!["code"]!.GetValue<string>();

    private async Task<IResult> SendSmsAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var parameters = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        if (Problem(parameters) is { } problem)
        {
            Refused.Enqueue(problem);
            return Results.Json(new { Code = "SignatureDoesNotMatch", Message = problem, RequestId = Guid.NewGuid() }, statusCode: 400);
        }

        if (_failWith is { } code)
        {
            return Results.Json(new { Code = code, Message = "refused on purpose", RequestId = Guid.NewGuid() });
        }

        Sent.Enqueue(parameters);
        return Results.Json(new { Code = "OK", Message = "OK", RequestId = Guid.NewGuid(), BizId = "900619746936498440^0" });
    }

    private static string? Problem(Dictionary<string, string> parameters)
    {
        string[] required = ["AccessKeyId", "Action", "Format", "RegionId", "SignatureMethod", "SignatureNonce", "SignatureVersion",
            "Timestamp", "Version", "PhoneNumbers", "SignName", "TemplateCode", "TemplateParam", "Signature"];
        if (required.FirstOrDefault(r => !parameters.ContainsKey(r)) is { } missing)
        {
            return "missing " + missing;
        }

        if (parameters["AccessKeyId"] != AccessKeyId || parameters["Action"] != "SendSms" || parameters["Version"] != "2017-05-25"
            || parameters["SignatureMethod"] != "HMAC-SHA1" || parameters["SignatureVersion"] != "1.0"
            || parameters["SignName"] != SignName || parameters["TemplateCode"] != PhoneCodeTemplate)
        {
            return "unexpected parameters";
        }

        if (!DateTime.TryParseExact(parameters["Timestamp"], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _))
        {
            return "bad Timestamp";
        }

        var signed = parameters.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Pop(p.Key) + "=" + Pop(p.Value));
        var stringToSign = "POST&" + Pop("/") + "&" + Pop(string.Join("&", signed));
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(AccessKeySecret + "&"));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        return expected == parameters["Signature"] ? null : "signature mismatch";
    }

    /// <summary>Alibaba's "POP" encoding as its documentation spells it: form-URL-encode in UTF-8, then + → %20,
    /// * → %2A, %7E → ~ (written out differently from the service's, on purpose).</summary>
    private static string Pop(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
