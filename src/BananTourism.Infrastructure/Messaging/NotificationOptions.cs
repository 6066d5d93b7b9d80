namespace BananTourism.Infrastructure.Messaging;

/// <summary>Configuration section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>When set (Development's default is <c>data/outbox</c>, relative to the content root), every message
    /// sent is also written there as one JSON file, so people and tests read codes without a phone or mail server.</summary>
    public string? PickupDirectory { get; set; }

    public SmsOptions Sms { get; set; } = new();
}

/// <summary>Configuration section <c>Notifications:Sms</c>: the SMS provider. Without one, text messages go only to
/// the pickup folder (development), or cannot be sent (503 <c>sms_unavailable</c>).</summary>
public sealed class SmsOptions
{
    /// <summary><c>Aliyun</c> (阿里云短信服务), or empty for none.</summary>
    public string? Provider { get; set; }

    public string? AccessKeyId { get; set; }

    public string? AccessKeySecret { get; set; }

    /// <summary>The approved signature (短信签名), e.g. 巴南乡村旅游.</summary>
    public string? SignName { get; set; }

    /// <summary>Approved template codes by our template name, e.g. <c>phoneCode</c> → <c>SMS_123456789</c>.</summary>
    public Dictionary<string, string> Templates { get; set; } = [];

    public string Endpoint { get; set; } = "https://dysmsapi.aliyuncs.com/";

    public string RegionId { get; set; } = "cn-hangzhou";

    public int TimeoutSeconds { get; set; } = 10;

    public bool IsAliyun => string.Equals(Provider, "Aliyun", StringComparison.OrdinalIgnoreCase);
}
