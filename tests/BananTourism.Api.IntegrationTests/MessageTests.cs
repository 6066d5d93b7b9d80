using System.Net;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Messages through the outbox to a real SMTP server (issue 14): queued in the booking's transaction, once
/// per event, sent by the dispatcher, retried while the mail server is down.</summary>
public sealed class MessageTests(MessageTests.MailingApi api) : IClassFixture<MessageTests.MailingApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FakeSmtp Smtp => api.Smtp!;

    [Fact]
    public async Task ABooking_SendsTheTouristAConfirmation_WithTheCodeAndTheTicket_AndTellsTheOperator()
    {
        var (tourist, email) = await TouristAsync();
        var roses = await api.CreateClient().OfferingIdAsync("玫瑰采摘");
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await api.CreateClient().SlotIdAsync(roses, "2026-10-08"), adults: 2));
        var code = booking.Get<string>("verificationCode");

        var confirmation = await ArrivedAsync(email, "预订成功");
        Assert.Contains(code, confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains(code, confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026-10-08 09:00", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("¥", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/bookings/{booking.Get<string>("id")}", confirmation.HtmlBody, StringComparison.Ordinal);
        var attachments = confirmation.Attachments.Select(a => a.ContentType.MimeType).ToList();
        Assert.Contains("text/calendar", attachments);
        Assert.Contains("image/svg+xml", attachments);

        var forOperator = await ArrivedAsync("operator.rose@banan.local", booking.Get<string>("reference"));
        Assert.StartsWith("新预订", forOperator.Subject, StringComparison.Ordinal);

        // The tourist's own list shows it, as sent.
        var mine = await (await tourist.GetAsync("/api/v1/me/notifications", Ct)).ReadJsonAsync();
        var item = mine["items"]!.AsArray().Single(m => m!.Get<string>("template") == "bookingConfirmed")!;
        Assert.Equal("sent", item.Get<string>("status"));
        Assert.Equal("email", item.Get<string>("channel"));
        Assert.Contains(code, item.Get<string>("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABookingMadeInEnglish_IsConfirmedAndCancelledInEnglish_WhileTheOperatorReadsChinese()
    {
        var (tourist, email) = await TouristAsync();
        var roses = await api.CreateClient().OfferingIdAsync("玫瑰采摘");
        var body = Booker.SlotBooking(roses, await api.CreateClient().SlotIdAsync(roses, "2026-10-15"), adults: 1);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,zh-CN;q=0.8");
        var answer = await tourist.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var booking = await answer.ReadJsonAsync();
        var code = booking.Get<string>("verificationCode");

        var confirmation = await ArrivedAsync(email, "Booked:");
        Assert.Contains(code, confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("Beijing time", confirmation.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("新预订", (await ArrivedAsync("operator.rose@banan.local", booking.Get<string>("reference"))).Subject, StringComparison.Ordinal);

        // Cancelled later from a client that sends no language: still the language it was booked in.
        Assert.Equal(HttpStatusCode.OK, (await tourist.PostAsync($"/api/v1/bookings/{booking.Get<string>("id")}/cancel", null, Ct)).StatusCode);
        var cancelled = await ArrivedAsync(email, "cancelled");
        Assert.Contains(booking.Get<string>("reference"), cancelled.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("预订", cancelled.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancellation_TellsTheTouristAndTheOperator_Once()
    {
        var (tourist, email) = await TouristAsync();
        var roses = await api.CreateClient().OfferingIdAsync("玫瑰采摘");
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, await api.CreateClient().SlotIdAsync(roses, "2026-10-14"), adults: 1));
        var id = booking.Get<string>("id");
        Assert.Equal(HttpStatusCode.OK, (await tourist.PostAsync($"/api/v1/bookings/{id}/cancel", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await tourist.PostAsync($"/api/v1/bookings/{id}/cancel", null, Ct)).StatusCode);

        var cancelled = await ArrivedAsync(email, "预订已取消");
        Assert.Contains(booking.Get<string>("reference"), cancelled.TextBody, StringComparison.Ordinal);
        Assert.Contains("本次无需退款", cancelled.TextBody, StringComparison.Ordinal); // paid nothing: pay on arrival
        var forOperator = await ArrivedAsync("operator.rose@banan.local", "预订取消", booking.Get<string>("reference"));
        Assert.StartsWith("预订取消", forOperator.Subject, StringComparison.Ordinal);
        var bookingId = Guid.Parse(id);
        Assert.Equal(1, await api.WithDbAsync(db => db.Outbox.CountAsync(m => m.BookingId == bookingId && m.Template == "bookingCancelled", Ct)));
    }

    [Fact]
    public async Task ABookingRetriedFiveTimesWithOneKey_QueuesOneConfirmation()
    {
        var (tourist, _) = await TouristAsync();
        var roses = await api.CreateClient().OfferingIdAsync("玫瑰采摘");
        var body = Booker.SlotBooking(roses, await api.CreateClient().SlotIdAsync(roses, "2026-10-09"), adults: 1);
        var key = Guid.NewGuid().ToString();
        string? id = null;
        for (var i = 0; i < 5; i++)
        {
            var answer = await tourist.BookAsync(body, key);
            Assert.True(answer.IsSuccessStatusCode, $"attempt {i + 1}: {(int)answer.StatusCode}");
            id ??= (await answer.ReadJsonAsync()).Get<string>("id");
        }

        var bookingId = Guid.Parse(id!);
        Assert.Equal(1, await api.WithDbAsync(db => db.Outbox.CountAsync(m => m.BookingId == bookingId && m.Template == "bookingConfirmed", Ct)));
    }

    [Fact]
    public async Task ARefusedBooking_QueuesNothing()
    {
        var (tourist, email) = await TouristAsync();
        var roses = await api.CreateClient().OfferingIdAsync("玫瑰采摘");
        var slot = await api.CreateClient().SlotIdAsync(roses, "2026-10-10");
        await api.SetSlotCapacityAsync(slot, 0);
        await (await tourist.BookAsync(Booker.SlotBooking(roses, slot, adults: 1))).AssertProblemAsync(HttpStatusCode.Conflict, "sold_out");
        Assert.Equal(0, await api.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == email, Ct)));
    }

    [Fact]
    public async Task TheMailServerDownForThreeAttempts_ThenUp_DeliversOnce_AfterFourAttempts()
    {
        var (tourist, email) = await TouristAsync();
        var roses = await api.CreateClient().OfferingIdAsync("玫瑰采摘");
        var slot = await api.CreateClient().SlotIdAsync(roses, "2026-10-12");
        Smtp.RefuseNext(email, 3);
        var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 1));
        var id = Guid.Parse(booking.Get<string>("id"));

        // Three tries at once (Polly), all refused; then it waits for its retry time.
        var waiting = await WaitForAsync(id, m => m.Attempts >= 3 && m.LeasedUntil == null);
        Assert.Equal(MessageStatus.Pending, waiting.Status);
        Assert.Contains("451", waiting.LastError, StringComparison.Ordinal);
        Assert.True(waiting.DueAt > api.Clock.GetUtcNow());

        api.Clock.Advance(TimeSpan.FromMinutes(2));
        var sent = await WaitForAsync(id, m => m.Status == MessageStatus.Sent);
        Assert.Equal(4, sent.Attempts);
        Assert.Single(Smtp.Received, m => m.To.ToString().Contains(email, StringComparison.Ordinal) && (m.Subject ?? "").StartsWith("预订成功", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheMailServerDownForGood_TheMessageFails_AfterTheConfiguredAttempts()
    {
        var (tourist, email) = await TouristAsync();
        var roses = await api.CreateClient().OfferingIdAsync("玫瑰采摘");
        var slot = await api.CreateClient().SlotIdAsync(roses, "2026-10-13");
        Smtp.RefuseNext(email, 1000);
        try
        {
            var booking = await tourist.BookOkAsync(Booker.SlotBooking(roses, slot, adults: 1));
            var id = Guid.Parse(booking.Get<string>("id"));
            for (var round = 0; round < 5; round++)
            {
                var pending = await WaitForAsync(id, m => m.LeasedUntil == null && (m.Status == MessageStatus.Failed || m.Attempts > round * 3));
                if (pending.Status == MessageStatus.Failed)
                {
                    break;
                }

                api.Clock.Advance(TimeSpan.FromMinutes(10)); // past the next retry's delay on the fake clock (seconds here)
            }

            var failed = await WaitForAsync(id, m => m.Status == MessageStatus.Failed);
            Assert.Equal(MailingApi.MaxAttempts, failed.Attempts);
            Assert.Contains("451", failed.LastError, StringComparison.Ordinal);

            // The admin sees it among the failed ones, and once the mail server is back, sends it again.
            var admin = await api.SignInAsync("admin@banan.local");
            var listed = await (await admin.GetAsync("/api/v1/admin/outbox?status=failed&pageSize=100", Ct)).ReadJsonAsync();
            var item = listed["items"]!.AsArray().Single(m => m!.Get<string>("id") == failed.Id.ToString())!;
            Assert.Equal(MailingApi.MaxAttempts, item.Get<int>("attempts"));
            Assert.Contains("451", item.Get<string>("lastError"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await tourist.PostAsync($"/api/v1/admin/outbox/{failed.Id}/retry", null, Ct)).StatusCode);

            Smtp.RefuseNext(email, 0);
            Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/v1/admin/outbox/{failed.Id}/retry", null, Ct)).StatusCode);
            var sent = await WaitForAsync(id, m => m.Status == MessageStatus.Sent);
            Assert.Equal(1, sent.Attempts);
            await (await admin.PostAsync($"/api/v1/admin/outbox/{failed.Id}/retry", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict, "not_failed");
        }
        finally
        {
            Smtp.RefuseNext(email, 0);
        }
    }

    private async Task<(HttpClient Tourist, string Email)> TouristAsync()
    {
        var email = await api.RegisterVerifiedTouristAsync();
        return (await api.SignInAsync(email, Booker.TouristPassword), email);
    }

    private async Task<MimeKit.MimeMessage> ArrivedAsync(string to, params string[] subjectContains)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = Smtp.Received.FirstOrDefault(m => m.To.ToString().Contains(to, StringComparison.Ordinal)
                                                          && subjectContains.All(s => (m.Subject ?? "").Contains(s, StringComparison.Ordinal)));
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no message to {to} with '{string.Join("', '", subjectContains)}' within 20 s");
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>The booking's confirmation email row, once <paramref name="condition"/> holds.</summary>
    private async Task<OutboxMessage> WaitForAsync(Guid bookingId, Func<OutboxMessage, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var row = await api.WithDbAsync(db => db.Outbox.AsNoTracking()
                .SingleAsync(m => m.BookingId == bookingId && m.Template == "bookingConfirmed" && m.Channel == MessageChannel.Email, Ct));
            if (condition(row))
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the message did not get there within 30 s: {row.Status}, {row.Attempts} attempts");
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>The Api with a real SMTP server on loopback and a fast dispatcher.</summary>
    public sealed class MailingApi : ApiFactory
    {
        /// <summary>Not a multiple of the dispatcher's three tries a round: the last round has a single try (a Polly
        /// retry strategy of zero retries once made that round throw, and the message never failed).</summary>
        public const int MaxAttempts = 7;

        public FakeSmtp? Smtp { get; private set; }

        public override async ValueTask InitializeAsync()
        {
            Smtp = FakeSmtp.Start();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Smtp is not null)
            {
                await Smtp.DisposeAsync();
            }
        }

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = Smtp!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:UseTls"] = "false",
            ["Notifications:DispatchIntervalMilliseconds"] = "100",
            ["Notifications:RetryDelaySeconds"] = "0.05",
            ["Notifications:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>The day-before reminder on the fake clock (its own Api: the clock moves a day and a half).</summary>
public sealed class ReminderTests(MessageTests.MailingApi api) : IClassFixture<MessageTests.MailingApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheReminder_GoesAt18OnTheDayBefore_AndNotForABookingCancelledBeforeThen()
    {
        var email = await api.RegisterVerifiedTouristAsync();
        var tourist = await api.SignInAsync(email, Booker.TouristPassword);
        var anonymous = api.CreateClient();
        var roses = await anonymous.OfferingIdAsync("玫瑰采摘");
        var kept = await tourist.BookOkAsync(Booker.SlotBooking(roses, await anonymous.SlotIdAsync(roses, "2026-09-23"), adults: 1));
        var dropped = await tourist.BookOkAsync(Booker.SlotBooking(roses, await anonymous.SlotIdAsync(roses, "2026-09-23", "14:00"), adults: 1));
        Assert.Equal(HttpStatusCode.OK, (await tourist.PostAsync($"/api/v1/bookings/{dropped.Get<string>("id")}/cancel", null, Ct)).StatusCode);

        // Pending, the reminder already shows the tourist what it will say.
        var mine = await (await tourist.GetAsync("/api/v1/me/notifications?pageSize=50", Ct)).ReadJsonAsync();
        var pending = mine["items"]!.AsArray().First(m => m!.Get<string>("template") == "reminder" && m!.Get<string>("bookingId") == kept.Get<string>("id"))!;
        Assert.Equal("pending", pending.Get<string>("status"));
        Assert.StartsWith("明天见", pending.Get<string>("subject"), StringComparison.Ordinal);
        Assert.Contains(kept.Get<string>("verificationCode"), pending.Get<string>("body"), StringComparison.Ordinal);

        // 17:59 on 22 September in Chongqing: not yet.
        var started = System.Diagnostics.Stopwatch.StartNew();
        api.Clock.Advance(new DateTimeOffset(2026, 9, 22, 17, 59, 0, TimeSpan.FromHours(8)) - api.Clock.GetUtcNow());
        TestContext.Current.TestOutputHelper?.WriteLine($"advanced in {started.ElapsedMilliseconds} ms");
        await Task.Delay(600, Ct); // several dispatcher rounds
        Assert.DoesNotContain(api.Smtp!.Received, m => (m.Subject ?? "").StartsWith("明天见", StringComparison.Ordinal) && m.To.ToString().Contains(email, StringComparison.Ordinal));

        api.Clock.Advance(TimeSpan.FromMinutes(2));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!api.Smtp.Received.Any(m => (m.Subject ?? "").StartsWith("明天见", StringComparison.Ordinal) && m.To.ToString().Contains(email, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "no reminder within 20 s of 18:00");
            await Task.Delay(50, Ct);
        }

        var reminders = api.Smtp.Received.Where(m => (m.Subject ?? "").StartsWith("明天见", StringComparison.Ordinal) && m.To.ToString().Contains(email, StringComparison.Ordinal)).ToList();
        var reminder = Assert.Single(reminders); // the cancelled booking's reminder is skipped
        Assert.Contains(kept.Get<string>("verificationCode"), reminder.TextBody, StringComparison.Ordinal);
        var droppedId = Guid.Parse(dropped.Get<string>("id"));
        Assert.Equal(MessageStatus.Skipped, await WaitForStatusAsync(droppedId));
    }

    private async Task<MessageStatus> WaitForStatusAsync(Guid bookingId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var status = await api.WithDbAsync(db => db.Outbox.Where(m => m.BookingId == bookingId && m.Template == "reminder").Select(m => m.Status).SingleAsync(Ct));
            if (status != MessageStatus.Pending || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(50, Ct);
        }
    }
}
