namespace BananTourism.Infrastructure.Payments;

/// <summary>Configuration section <c>Stripe</c>. Online payment is on only when both keys are set.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string? SecretKey { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>The browser-side key (pk_…) for Stripe.js on the web pages' payment step; without it the pages
    /// offer only pay on arrival (the API still takes online payments).</summary>
    public string? PublishableKey { get; set; }

    /// <summary>Only for tests: a loopback fake of Stripe's API.</summary>
    public string? ApiBase { get; set; }

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>How old a webhook signature may be, in seconds (Stripe's default tolerance).</summary>
    public int SignatureToleranceSeconds { get; set; } = 300;

    public bool PagesCanPay => Enabled && !string.IsNullOrWhiteSpace(PublishableKey);

    public bool Enabled => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);
}
