using System.Net;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Outside Development, verification codes go by Alibaba Cloud SMS (here its loopback stand-in, which checks
/// the request's signature on its own), and no log line or answer carries a code.</summary>
public class SmsProviderTests(SmsProviderTests.StagingWithAliyun api) : IClassFixture<SmsProviderTests.StagingWithAliyun>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACode_GoesThroughAliyun_SignedAsItsDocsSay_AndIsNeverLogged()
    {
        var tourist = await api.SignInAsync(await api.RegisterTouristAsync(), Booker.TouristPassword);
        var phone = Booker.NewPhone();
        var sent = await tourist.PostAsJsonAsync("/api/v1/me/phone/code", new { phone }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Empty(api.Sms.Refused);
        var message = api.Sms.Sent.Single(p => p["PhoneNumbers"] == phone);
        Assert.Equal(FakeAliyunSms.PhoneCodeTemplate, message["TemplateCode"]);
        var code = api.Sms.LastCodeTo(phone);
        Assert.Matches("^[0-9]{6}$", code);

        // The stand-in does check: the same request with another number under the old signature is refused.
        using (var raw = new HttpClient())
        {
            var tampered = message.ToDictionary(p => p.Key, p => p.Key == "PhoneNumbers" ? Booker.NewPhone() : p.Value);
            Assert.Equal(HttpStatusCode.BadRequest, (await raw.PostAsync(api.Sms.Endpoint, new FormUrlEncodedContent(tampered), Ct)).StatusCode);
            Assert.Single(api.Sms.Refused);
        }

        var verified = await tourist.PostAsJsonAsync("/api/v1/me/phone/verify", new { phone, code }, Ct);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);

        var answers = await sent.Content.ReadAsStringAsync(Ct) + await verified.Content.ReadAsStringAsync(Ct)
                      + await (await tourist.GetAsync("/api/v1/me", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(code, answers, StringComparison.Ordinal);
        Assert.NotEmpty(api.Logs.Lines);
        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(code, StringComparison.Ordinal));
        Assert.DoesNotContain(api.Logs.Lines, line => line.Contains(phone, StringComparison.Ordinal)); // masked: 139****1234
        Assert.Contains(api.Logs.Lines, line => line.Contains(phone[..3] + "****" + phone[^4..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenAliyunRefuses_TheTouristHears503WithRetryAfter()
    {
        var tourist = await api.SignInAsync(await api.RegisterTouristAsync(), Booker.TouristPassword);
        api.Sms.FailWith("isv.BUSINESS_LIMIT_CONTROL");
        try
        {
            var refused = await tourist.PostAsJsonAsync("/api/v1/me/phone/code", new { phone = Booker.NewPhone() }, Ct);
            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "sms_unavailable");
            Assert.True(refused.Headers.Contains("Retry-After"));
            Assert.Contains(api.Logs.Lines, line => line.Contains("isv.BUSINESS_LIMIT_CONTROL", StringComparison.Ordinal));
        }
        finally
        {
            api.Sms.FailWith(null);
        }
    }

    /// <summary>The Api as a staging deployment would run it: no development sender, Aliyun for SMS, every log line kept.</summary>
    public sealed class StagingWithAliyun : ApiFactory
    {
        public FakeAliyunSms Sms { get; private set; } = null!;

        public LogCapture Logs { get; } = new();

        protected override string EnvironmentName => "Staging";

        protected override bool WithStripe => false;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = "a-staging-signing-key-that-is-long-enough-2026",
            ["Notifications:Sms:Provider"] = "Aliyun",
            ["Notifications:Sms:AccessKeyId"] = FakeAliyunSms.AccessKeyId,
            ["Notifications:Sms:AccessKeySecret"] = FakeAliyunSms.AccessKeySecret,
            ["Notifications:Sms:SignName"] = FakeAliyunSms.SignName,
            ["Notifications:Sms:Templates:phoneCode"] = FakeAliyunSms.PhoneCodeTemplate,
            ["Notifications:Sms:Endpoint"] = Sms.Endpoint,
        };

        public override async ValueTask InitializeAsync()
        {
            Sms = await FakeAliyunSms.StartAsync();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Sms.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.AddProvider(Logs);
                logging.SetMinimumLevel(LogLevel.Trace);
            });
        }
    }
}
