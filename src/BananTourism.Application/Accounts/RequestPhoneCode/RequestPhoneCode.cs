using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using System.Text.Json;
using BananTourism.Domain.Common;
using BananTourism.Domain.Notifications;
using BananTourism.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Accounts.RequestPhoneCode;

/// <summary>A tourist asks for a 6-digit code by SMS to prove their mobile number. At most one a minute and five a
/// day per number and per account; the code is stored hashed and never appears in an answer.</summary>
[Allowed(Caller.Tourist)]
public sealed record RequestPhoneCode(string Phone) : ICommand<Result<PhoneCodeSent>>
{
    /// <summary>"zh" or "en", the page's or the request's; not part of the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Language { get; init; }
}

public sealed record PhoneCodeSent(string Phone, DateTimeOffset ExpiresAt);

public sealed partial class RequestPhoneCodeHandler(
    ICurrentUser currentUser, IWriteTransactions writes, IMessageDelivery delivery, PhoneVerificationOptions options, TimeProvider clock,
    ILogger<RequestPhoneCodeHandler> logger) : ICommandHandler<RequestPhoneCode, Result<PhoneCodeSent>>
{
    public async ValueTask<Result<PhoneCodeSent>> Handle(RequestPhoneCode command, CancellationToken ct)
    {
        var me = currentUser.Id!.Value;
        var phone = command.Phone.Trim();
        var now = clock.GetUtcNow();
        var (row, code) = PhoneCode.Issue(me, phone, now);

        // Read here: the transaction's work may run on another thread (SQLite's group commit), away from the request.
        var quotas = Quotas(phone, me).ToList();
        var language = command.Language ?? "zh";
        var stored = await writes.RunAsync<bool>(async (tx, token) =>
        {
            foreach (var (key, limit) in quotas)
            {
                if (await SmsQuotas.TakeAsync(tx, key, limit, now, token) is { } wait)
                {
                    return PhoneCodeErrors.TooManyCodes(wait);
                }
            }

            if (await SmsQuotas.TakeAsync(tx, SmsQuota.All, new SmsLimit(options.DailySmsBudget, TimeSpan.Zero), now, token) is { } tomorrow)
            {
                LogBudgetSpent(options.DailySmsBudget);
                return SmsErrors.Unavailable with { RetryAfter = tomorrow };
            }

            // Asked after the quotas are taken, and kept with them: asking which numbers have accounts costs a code.
            if (await tx.Users.AnyAsync(u => u.VerifiedPhone == phone && u.Id != me, token))
            {
                return false;
            }

            // A new code voids the ones before it.
            await tx.PhoneCodes.Where(c => c.UserId == me && c.UsedAt == null)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.UsedAt, now), token);
            tx.PhoneCodes.Add(row);
            tx.Outbox.Add(Message(row, code, language, now));
            await tx.SaveChangesAsync(token);
            return true;
        }, ct);
        if (!stored.IsSuccess)
        {
            LogRefused(Mask(phone), stored.FirstError.Code, stored.FirstError.RetryAfter?.TotalSeconds ?? 0);
            return Result<PhoneCodeSent>.Failure(stored.Errors);
        }

        if (!stored.Value)
        {
            return UserErrors.PhoneTaken;
        }

        // Sent while the tourist waits, so that a provider's refusal is heard at once (503); a crash before it leaves
        // the message in the outbox for the dispatcher, due a little later.
        var sent = await delivery.SendNowAsync(row.Id, ct);
        if (!sent.IsSuccess)
        {
            return Result<PhoneCodeSent>.Failure(sent.Errors);
        }

        LogSent(Mask(phone), row.Id);
        return new PhoneCodeSent(phone, row.ExpiresAt);
    }

    /// <summary>The code's message, with the code row's id, so the dispatcher can tell when it is no longer worth sending.</summary>
    private static OutboxMessage Message(PhoneCode row, string code, string language, DateTimeOffset now) =>
        OutboxMessage.Queue($"{OutboxMessage.PhoneCode}:{row.Id}:sms", OutboxMessage.PhoneCode, MessageChannel.Sms, row.UserId, row.Phone,
            language, null, JsonSerializer.Serialize(new Dictionary<string, string> { ["code"] = code }), now, now + DispatcherGrace, row.Id);

    /// <summary>The request sends its code itself; the dispatcher steps in only when it did not (a crash in between).</summary>
    private static readonly TimeSpan DispatcherGrace = TimeSpan.FromSeconds(30);

    /// <summary>The number's and the account's limits, and the client address's (shared Wi-Fi in a village is one
    /// address, hence its larger allowance).</summary>
    private IEnumerable<(string Key, SmsLimit Limit)> Quotas(string phone, Guid me)
    {
        yield return (SmsQuota.ForPhone(phone), SmsLimit.PerNumberOrAccount);
        yield return (SmsQuota.ForUser(me), SmsLimit.PerNumberOrAccount);
        if (currentUser.ClientAddress is { } address)
        {
            yield return (SmsQuota.ForAddress(address), new SmsLimit(options.CodesPerAddressPerDay, TimeSpan.Zero));
        }
    }

    /// <summary>138****8000: enough for support to recognise, not enough to harvest numbers from logs.</summary>
    public static string Mask(string phone) => phone.Length > 7 ? phone[..3] + "****" + phone[^4..] : "****";

    [LoggerMessage(Level = LogLevel.Information, Message = "Phone code {CodeId} sent to {Phone}")]
    private partial void LogSent(string phone, Guid codeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Phone code for {Phone} refused ({Code}): retry in {Seconds:0} s")]
    private partial void LogRefused(string phone, string code, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily SMS budget ({Budget} codes, PhoneVerification:DailySmsBudget) is spent: no more codes until tomorrow")]
    private partial void LogBudgetSpent(int budget);
}
