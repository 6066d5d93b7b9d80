namespace BananTourism.Domain.Users;

/// <summary>How many verification codes one mobile number, or one account, was sent: at most one a minute and
/// <see cref="PerDay"/> a day (Asia/Shanghai). Kept in the database and taken by a conditional UPDATE, so the
/// limits hold across replicas and parallel requests.</summary>
public sealed class SmsQuota
{
    public const int PerDay = 5;

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

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
}
