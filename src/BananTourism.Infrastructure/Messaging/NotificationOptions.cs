namespace BananTourism.Infrastructure.Messaging;

/// <summary>Configuration section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>When set (Development's default is <c>data/outbox</c>, relative to the content root), every message
    /// sent is also written there as one JSON file, so people and tests read codes without a phone or mail server.</summary>
    public string? PickupDirectory { get; set; }

    public SmsOptions Sms { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The site's address as people reach it, for links in messages (e.g. https://banan.example.cn).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Where the message templates are (<c>{template}.{zh|en}.{subject|text|html|sms}.liquid</c>); by default
    /// the Templates folder beside the binaries.</summary>
    public string? TemplatesDirectory { get; set; }

    /// <summary>How often each replica's dispatcher looks for due messages.</summary>
    public int DispatchIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Messages each replica sends side by side (each email worker keeps its SMTP connection while the
    /// outbox drains).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Sending attempts before a message is marked failed (and listed for the admin).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry's delay; each later one doubles it (with jitter), up to an hour.</summary>
    public double RetryDelaySeconds { get; set; } = 30;
}

/// <summary>Configuration section <c>Notifications:Smtp</c>: email. Without a host, email goes only to the pickup
/// folder (development), or cannot be sent.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>巴南乡村旅游 &lt;noreply@banan.example.cn&gt;</c>.</summary>
    public string From { get; set; } = "巴南乡村旅游 <noreply@banan.local>";

    /// <summary>TLS: on connect for port 465, STARTTLS otherwise. Off only for a relay on a trusted network.</summary>
    public bool UseTls { get; set; } = true;

    public int TimeoutSeconds { get; set; } = 15;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
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
