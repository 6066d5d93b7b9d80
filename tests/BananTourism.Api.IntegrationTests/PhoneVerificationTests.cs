using System.Net;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>A tourist proves their mobile number with a 6-digit SMS code before booking: the code is read from the
/// pickup folder as from a phone; five wrong tries void it; it expires after ten minutes; sending is limited per
/// number and per account in the database.</summary>
public class PhoneVerificationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _anonymous = api.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> UnverifiedTouristAsync() => await api.SignInAsync(await api.RegisterTouristAsync(), Booker.TouristPassword);

    private Task<HttpResponseMessage> AskAsync(HttpClient tourist, string phone) =>
        tourist.PostAsJsonAsync("/api/v1/me/phone/code", new { phone }, Ct);

    private Task<HttpResponseMessage> VerifyAsync(HttpClient tourist, string phone, string code) =>
        tourist.PostAsJsonAsync("/api/v1/me/phone/verify", new { phone, code }, Ct);

    [Fact]
    public async Task Booking_NeedsAVerifiedPhone_AndVerifyingOpensIt()
    {
        var tourist = await UnverifiedTouristAsync();
        var roses = await _anonymous.OfferingIdAsync("玫瑰采摘");
        var booking = Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-10-05"), adults: 1);
        await (await tourist.BookAsync(booking)).AssertProblemAsync(HttpStatusCode.Forbidden, "phone_not_verified");
        await (await tourist.BookAsync(Booker.SlotBooking(roses, await _anonymous.SlotIdAsync(roses, "2026-10-05"), paymentMethod: "alipay")))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "phone_not_verified"); // any payment method

        var me = await (await tourist.GetAsync("/api/v1/me", Ct)).ReadJsonAsync();
        Assert.False(me.Get<bool>("phoneVerified"));

        var phone = Booker.NewPhone();
        var sent = await AskAsync(tourist, phone);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var answer = await sent.Content.ReadAsStringAsync(Ct);
        var code = Pickup.NewCode(api.PickupDirectory, phone, []);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.DoesNotContain(code, answer, StringComparison.Ordinal); // the code travels by SMS only

        // It went through the outbox; the tourist's messages show it was sent, but not the code, and the row keeps no code.
        var messages = await (await tourist.GetAsync("/api/v1/me/notifications", Ct)).ReadJsonAsync();
        var sms = messages["items"]!.AsArray().Single(m => m!.Get<string>("template") == "phoneCode")!;
        Assert.Equal("sms", sms.Get<string>("channel"));
        Assert.Equal("sent", sms.Get<string>("status"));
        Assert.Contains("••••••", sms.Get<string>("body"), StringComparison.Ordinal);
        Assert.DoesNotContain(code, messages.ToJsonString(), StringComparison.Ordinal);
        var kept = await api.WithDbAsync(db => db.Outbox.Where(m => m.To == phone).Select(m => m.Data + m.Body).ToListAsync(Ct));
        Assert.DoesNotContain(kept, k => k.Contains(code, StringComparison.Ordinal));

        var verified = await VerifyAsync(tourist, phone, code);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(phone, (await verified.ReadJsonAsync()).Get<string>("phone"));
        me = await (await tourist.GetAsync("/api/v1/me", Ct)).ReadJsonAsync();
        Assert.True(me.Get<bool>("phoneVerified"));
        Assert.Equal(phone, me.Get<string>("phone"));
        await tourist.BookOkAsync(booking);

        // A used code does not work twice; the stored code is a hash, not the code.
        await (await VerifyAsync(tourist, phone, code)).AssertProblemAsync(HttpStatusCode.BadRequest, "code_expired", "code");
        var stored = await api.WithDbAsync(db => db.PhoneCodes.Select(c => c.CodeHash).ToListAsync(Ct));
        Assert.DoesNotContain(stored, h => h.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiveWrongTries_VoidTheCode_EvenTheRightOneAfter()
    {
        var tourist = await UnverifiedTouristAsync();
        var phone = Booker.NewPhone();
        Assert.Equal(HttpStatusCode.Accepted, (await AskAsync(tourist, phone)).StatusCode);
        var code = Pickup.NewCode(api.PickupDirectory, phone, []);
        var wrong = code == "000000" ? "111111" : "000000";

        // Guessed in parallel: five tries are counted, however many are sent.
        var guesses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => VerifyAsync(tourist, phone, wrong), Ct)));
        Assert.Equal(5, guesses.Count(g => g.StatusCode == HttpStatusCode.BadRequest && g.Content.ReadAsStringAsync(Ct).Result.Contains("invalid_code", StringComparison.Ordinal)));
        foreach (var guess in guesses)
        {
            Assert.Equal(HttpStatusCode.BadRequest, guess.StatusCode);
        }

        await (await VerifyAsync(tourist, phone, code)).AssertProblemAsync(HttpStatusCode.BadRequest, "code_expired", "code");
        Assert.False((await (await tourist.GetAsync("/api/v1/me", Ct)).ReadJsonAsync()).Get<bool>("phoneVerified"));
    }

    [Fact]
    public async Task ACode_ExpiresAfterTenMinutes_AndANewOneVoidsTheOld()
    {
        var tourist = await UnverifiedTouristAsync();
        var phone = Booker.NewPhone();
        Assert.Equal(HttpStatusCode.Accepted, (await AskAsync(tourist, phone)).StatusCode);
        var first = Pickup.NewCode(api.PickupDirectory, phone, []);
        api.Clock.Advance(TimeSpan.FromMinutes(10));
        await (await VerifyAsync(tourist, phone, first)).AssertProblemAsync(HttpStatusCode.BadRequest, "code_expired", "code");

        var seen = Pickup.Ids(api.PickupDirectory, phone);
        Assert.Equal(HttpStatusCode.Accepted, (await AskAsync(tourist, phone)).StatusCode);
        var second = Pickup.NewCode(api.PickupDirectory, phone, seen);
        api.Clock.Advance(TimeSpan.FromMinutes(2));
        seen = Pickup.Ids(api.PickupDirectory, phone);
        Assert.Equal(HttpStatusCode.Accepted, (await AskAsync(tourist, phone)).StatusCode);
        var third = Pickup.NewCode(api.PickupDirectory, phone, seen);
        if (second != third)
        {
            await (await VerifyAsync(tourist, phone, second)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_code", "code");
        }

        Assert.Equal(HttpStatusCode.OK, (await VerifyAsync(tourist, phone, third)).StatusCode);
    }

    [Fact]
    public async Task Sending_IsLimitedPerNumberAndPerAccount_WithRetryAfter()
    {
        var tourist = await UnverifiedTouristAsync();
        var phone = Booker.NewPhone();
        Assert.Equal(HttpStatusCode.Accepted, (await AskAsync(tourist, phone)).StatusCode);

        // Again within the minute: 429 with Retry-After, and no SMS.
        var again = await AskAsync(tourist, phone);
        await again.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        var wait = int.Parse(again.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1, 60);
        Assert.Single(Pickup.MessagesTo(api.PickupDirectory, phone));

        // Another account asking for the same number within the minute is held by the number's limit.
        var other = await UnverifiedTouristAsync();
        await (await AskAsync(other, phone)).AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");

        // Five a day per number: the sixth waits for tomorrow (Asia/Shanghai).
        for (var i = 2; i <= 5; i++)
        {
            api.Clock.Advance(TimeSpan.FromSeconds(61));
            Assert.Equal(HttpStatusCode.Accepted, (await AskAsync(tourist, phone)).StatusCode);
        }

        api.Clock.Advance(TimeSpan.FromSeconds(61));
        var sixth = await AskAsync(tourist, phone);
        await sixth.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(int.Parse(sixth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 60);
        Assert.Equal(5, Pickup.MessagesTo(api.PickupDirectory, phone).Count);

        // The account has its own five a day, whatever number it tries.
        var account = await UnverifiedTouristAsync();
        for (var i = 1; i <= 5; i++)
        {
            api.Clock.Advance(TimeSpan.FromSeconds(61));
            Assert.Equal(HttpStatusCode.Accepted, (await AskAsync(account, Booker.NewPhone())).StatusCode);
        }

        api.Clock.Advance(TimeSpan.FromSeconds(61));
        await (await AskAsync(account, Booker.NewPhone())).AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task ACodeSentSpelledWithFullWidthDigits_IsRefused()
    {
        var tourist = await UnverifiedTouristAsync();
        await (await AskAsync(tourist, "１３８００１３８０００")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "phone");
        await (await AskAsync(tourist, "13８00138000")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "phone");
    }

    [Fact]
    public async Task ManyAccountsFromOneAddress_AndTheServiceAsAWhole_AreLimitedToo()
    {
        // SMS pumping: fresh accounts are free, the codes are not.
        await using (var tight = new SmsLimits(perAddress: 3, budget: 1000))
        {
            await tight.InitializeAsync();
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 4; i++)
            {
                var tourist = await tight.SignInAsync(await tight.RegisterTouristAsync(), Booker.TouristPassword);
                answers.Add(await tourist.PostAsJsonAsync("/api/v1/me/phone/code", new { phone = Booker.NewPhone() }, Ct));
            }

            Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
            await answers[3].AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        }

        await using (var budget = new SmsLimits(perAddress: 1000, budget: 2))
        {
            await budget.InitializeAsync();
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 3; i++)
            {
                var tourist = await budget.SignInAsync(await budget.RegisterTouristAsync(), Booker.TouristPassword);
                answers.Add(await tourist.PostAsJsonAsync("/api/v1/me/phone/code", new { phone = Booker.NewPhone() }, Ct));
            }

            Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
            await answers[2].AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "sms_unavailable");
            Assert.True(answers[2].Headers.Contains("Retry-After"));
        }
    }

    private sealed class SmsLimits(int perAddress, int budget) : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["PhoneVerification:CodesPerAddressPerDay"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PhoneVerification:DailySmsBudget"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    [Fact]
    public async Task ANumber_VerifiesOneAccountOnly_AndBadInputIsNamed()
    {
        var first = await UnverifiedTouristAsync();
        var phone = Booker.NewPhone();
        await api.VerifyPhoneAsync(first, phone);

        var second = await UnverifiedTouristAsync();
        api.Clock.Advance(TimeSpan.FromSeconds(61)); // past the number's one-a-minute: the question costs a code like any other
        await (await AskAsync(second, phone)).AssertProblemAsync(HttpStatusCode.Conflict, "phone_taken");

        await (await AskAsync(second, "12345")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "phone");
        await (await AskAsync(second, "+85291234567")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "phone");
        await (await VerifyAsync(second, Booker.NewPhone(), "12ab56")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed", "code");
        await (await VerifyAsync(second, Booker.NewPhone(), "123456")).AssertProblemAsync(HttpStatusCode.BadRequest, "code_expired", "code"); // never sent

        // Only tourists verify a phone to book; operators and anonymous callers are refused.
        var operatorClient = await api.SignInAsync("operator.rose@banan.local");
        await (await AskAsync(operatorClient, Booker.NewPhone())).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await AskAsync(_anonymous, Booker.NewPhone())).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task ADailyQuota_IsNotRefused_WhenARequestThatReadTheClockLaterCommittedFirst()
    {
        // Two requests read the clock (in two replicas, or queued for one group commit) and the later one commits
        // first. The daily budget and the per-address quota have no minimum interval: the earlier reading must
        // still be let through, or any two tourists asking for codes at once could be told to wait.
        var key = "test:" + Guid.NewGuid().ToString("N");
        var daily = new BananTourism.Domain.Users.SmsLimit(100, TimeSpan.Zero);
        var earlier = ApiFactory.Start.AddSeconds(30);
        var later = earlier.AddMilliseconds(5);
        async Task<TimeSpan?> TakeAsync(DateTimeOffset now) => await api.WithDbAsync(async db =>
        {
            var wait = await BananTourism.Application.Accounts.SmsQuotas.TakeAsync(db, key, daily, now, Ct);
            await db.SaveChangesAsync(Ct);
            return wait;
        });

        Assert.Null(await TakeAsync(later));   // creates the row
        Assert.Null(await TakeAsync(later));   // LastSentAt = later
        Assert.Null(await TakeAsync(earlier)); // read the clock before, committed after
        Assert.Equal(3, await api.WithDbAsync(db => db.SmsQuotas.Where(q => q.Key == key).Select(q => q.SentThatDay).SingleAsync(Ct)));
    }
}
