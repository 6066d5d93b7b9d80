namespace BananTourism.Domain.Users;

/// <summary>How many verification codes one key was sent today (Asia/Shanghai) and when the last one went: a mobile
/// number, an account, a client address, or the whole service (its daily budget). Kept in the database and taken
/// by a conditional UPDATE, so the limits hold across replicas and parallel requests.</summary>
public sealed class SmsQuota
{
    private SmsQuota()
    {
    }

    public SmsQuota(string key, DateTimeOffset sentAt, DateOnly day)
    {
        Key = key;
        LastSentAt = sentAt;
        Day = day;
        SentThatDay = 1;
    }

    /// <summary><c>phone:13800138000</c> or <c>user:{id}</c>.</summary>
    public string Key { get; private set; } = "";

    public DateTimeOffset LastSentAt { get; private set; }

    public DateOnly Day { get; private set; }

    public int SentThatDay { get; private set; }

    public static string ForPhone(string phone) => "phone:" + phone;

    public static string ForUser(Guid userId) => "user:" + userId.ToString("N");

    /// <summary>An IPv4 address or an IPv6 /64, as the host partitions its clients.</summary>
    public static string ForAddress(string partition) => "addr:" + partition;

    /// <summary>Every code the service sends, against its daily budget (SMS cost money: a flood of fresh accounts
    /// must not run up the bill).</summary>
    public const string All = "all";
}

/// <summary>How many codes a key may be sent a day, and how long between two.</summary>
public sealed record SmsLimit(int PerDay, TimeSpan Interval)
{
    /// <summary>A number or an account: one a minute, five a day (API.md).</summary>
    public static readonly SmsLimit PerNumberOrAccount = new(5, TimeSpan.FromMinutes(1));
}
