using BananTourism.Application.Payments;
using BananTourism.Domain.Bookings;
using BananTourism.Domain.Common;
using Microsoft.Extensions.Logging;
using Stripe;
using PaymentMethod = BananTourism.Domain.Bookings.PaymentMethod;
using RefundStatus = BananTourism.Domain.Bookings.RefundStatus;

namespace BananTourism.Infrastructure.Payments;

/// <summary>Stripe through the official Stripe.net client. Network failures, timeouts and Stripe's 5xx come
/// back as <see cref="PaymentErrors.Unavailable"/>: the booking keeps a state that can be retried or reconciled.</summary>
internal sealed partial class StripeGateway : IPaymentGateway
{
    private readonly StripeOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<StripeGateway> _logger;
    private readonly StripeClient? _client;

    public StripeGateway(StripeOptions options, TimeProvider clock, ILogger<StripeGateway> logger)
    {
        _options = options;
        _clock = clock;
        _logger = logger;
        if (options.Enabled)
        {
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
            _client = new StripeClient(
                options.SecretKey, httpClient: new SystemNetHttpClient(http, maxNetworkRetries: 1), apiBase: options.ApiBase);
        }
    }

    public bool Enabled => _client is not null;

    public Task<Result<PaymentIntentInfo>> CreateIntentAsync(Booking booking, CancellationToken ct) =>
        CreateAsync(booking, booking.Total, null, $"booking:{booking.Id}:create", ct);

    public Task<Result<PaymentIntentInfo>> CreateBalanceIntentAsync(Booking booking, long amount, string idempotencyKey, CancellationToken ct) =>
        CreateAsync(booking, amount, BalancePurpose, idempotencyKey, ct);

    public Task<Result<PaymentIntentInfo>> CreateWeighOutIntentAsync(Booking booking, Guid weighOutId, long amount, CancellationToken ct) =>
        CreateAsync(booking, amount, WeighOutPurpose, $"weighout:{weighOutId}:create", ct, weighOutId);

    private Task<Result<PaymentIntentInfo>> CreateAsync(
        Booking booking, long amount, string? purpose, string idempotencyKey, CancellationToken ct, Guid? weighOutId = null) =>
        CallAsync(async () =>
        {
            var metadata = new Dictionary<string, string> { ["booking_id"] = booking.Id.ToString(), ["reference"] = booking.Reference };
            if (purpose is not null)
            {
                metadata["purpose"] = purpose;
            }

            if (weighOutId is { } receipt)
            {
                metadata["weigh_out_id"] = receipt.ToString();
            }

            var create = new PaymentIntentCreateOptions
            {
                Amount = amount,
                Currency = "cny",
                AllowedPaymentMethodTypes = [MethodType(booking.PaymentMethod)],
                Description = purpose switch
                {
                    null => $"BananTourism {booking.Reference}",
                    WeighOutPurpose => $"BananTourism {booking.Reference} (过秤 produce)",
                    _ => $"BananTourism {booking.Reference} (改期差价 balance)",
                },
                Metadata = metadata,
            };
            if (booking.PaymentMethod == PaymentMethod.WechatPay)
            {
                create.PaymentMethodOptions = new PaymentIntentPaymentMethodOptionsOptions
                {
                    WechatPay = new PaymentIntentPaymentMethodOptionsWechatPayOptions { Client = "web" },
                };
            }

            var intent = await new PaymentIntentService(_client).CreateAsync(create, new RequestOptions { IdempotencyKey = idempotencyKey }, ct);
            return Map(intent);
        });

    /// <summary>Marks a PaymentIntent as a move's balance rather than a booking's first payment.</summary>
    private const string BalancePurpose = "balance";

    /// <summary>Marks a PaymentIntent as the payment of a weigh-out receipt.</summary>
    private const string WeighOutPurpose = "weighOut";

    public Task<Result<PaymentIntentInfo>> GetIntentAsync(string intentId, CancellationToken ct) => CallAsync(async () =>
        Map(await new PaymentIntentService(_client).GetAsync(intentId, cancellationToken: ct)));

    public Task<Result<PaymentIntentInfo>> CancelIntentAsync(string intentId, string idempotencyKey, CancellationToken ct) => CallAsync(async () =>
        Map(await new PaymentIntentService(_client).CancelAsync(intentId, null, new RequestOptions { IdempotencyKey = idempotencyKey }, ct)));

    public Task<Result<RefundInfo>> RefundAsync(string intentId, long amount, string idempotencyKey, CancellationToken ct) => CallAsync(async () =>
    {
        var refund = await new RefundService(_client).CreateAsync(
            new RefundCreateOptions { PaymentIntent = intentId, Amount = amount },
            new RequestOptions { IdempotencyKey = idempotencyKey }, ct);
        return new RefundInfo(refund.Id, RefundStatusOf(refund.Status));
    });

    public Result<PaymentEvent> ReadEvent(string payload, string? signatureHeader)
    {
        if (!Enabled || string.IsNullOrEmpty(signatureHeader))
        {
            return PaymentErrors.BadSignature;
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(
                payload, signatureHeader, _options.WebhookSecret, _options.SignatureToleranceSeconds,
                _clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            return PaymentErrors.BadSignature;
        }

        return stripeEvent.Data.Object switch
        {
            PaymentIntent intent => new PaymentEvent(stripeEvent.Id, stripeEvent.Type, intent.Id, null, null, Created(stripeEvent)),
            Refund refund => new PaymentEvent(stripeEvent.Id, stripeEvent.Type, refund.PaymentIntentId, refund.Id, RefundStatusOf(refund.Status), Created(stripeEvent)),
            Charge charge => new PaymentEvent(stripeEvent.Id, stripeEvent.Type, charge.PaymentIntentId, null, charge.Refunded ? RefundStatus.Succeeded : null, Created(stripeEvent)),
            _ => new PaymentEvent(stripeEvent.Id, stripeEvent.Type, null, null, null, Created(stripeEvent)),
        };
    }

    private static DateTimeOffset? Created(Event stripeEvent) =>
        stripeEvent.Created == default ? null : new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));

    private async Task<Result<T>> CallAsync<T>(Func<Task<T>> call)
    {
        if (_client is null)
        {
            return PaymentErrors.OnlinePaymentUnavailable;
        }

        try
        {
            return await call();
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            LogStripeFailed(e.Message);
            return PaymentErrors.Unavailable;
        }
    }

    private static string MethodType(PaymentMethod method) => method switch
    {
        PaymentMethod.Alipay => "alipay",
        PaymentMethod.WechatPay => "wechat_pay",
        _ => "card",
    };

    private static PaymentIntentInfo Map(PaymentIntent intent) => new(
        intent.Id,
        intent.Status switch
        {
            "succeeded" => IntentState.Succeeded,
            "canceled" => IntentState.Canceled,
            "processing" => IntentState.Processing,
            _ => IntentState.Open,
        },
        intent.Amount,
        intent.AmountReceived,
        intent.ClientSecret,
        intent.Metadata is not null && intent.Metadata.TryGetValue("booking_id", out var id) && Guid.TryParse(id, out var bookingId) ? bookingId : null)
    {
        IsBalance = intent.Metadata is not null && intent.Metadata.TryGetValue("purpose", out var purpose) && purpose == BalancePurpose,
        WeighOutId = intent.Metadata is not null && intent.Metadata.TryGetValue("weigh_out_id", out var receipt) && Guid.TryParse(receipt, out var weighOutId)
            ? weighOutId : null,
    };

    private static RefundStatus RefundStatusOf(string? status) => status switch
    {
        "succeeded" => RefundStatus.Succeeded,
        "failed" or "canceled" => RefundStatus.Failed,
        _ => RefundStatus.Pending,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe call failed: {Reason}")]
    private partial void LogStripeFailed(string reason);
}
