using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BananTourism.Api.IntegrationTests.Support;

/// <summary>A loopback stand-in for the parts of Stripe's HTTP API the service uses (PaymentIntents and
/// Refunds), driven by the real Stripe.net client. It honours Idempotency-Key like Stripe (same key, same
/// answer), records every request, can fail or hang on demand, and signs webhook events the way Stripe does.</summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_banan_fake";
    public const string WebhookSecret = "whsec_banan_test_secret";
    public const string PublishableKey = "pk_test_banan_fake";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _intents = new();
    private readonly ConcurrentDictionary<string, JsonObject> _refunds = new();
    private readonly ConcurrentDictionary<string, string> _idempotent = new();
    private int _failNext;
    private long _created;
    private int _hangNext;

    private FakeStripe(WebApplication app) => _app = app;

    public string ApiBase => _app.Urls.First();

    public ConcurrentQueue<StripeRequest> Requests { get; } = new();

    public IReadOnlyDictionary<string, JsonObject> Intents => _intents;

    public IReadOnlyDictionary<string, JsonObject> Refunds => _refunds;

    /// <summary>The next <paramref name="count"/> requests answer 500.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <summary>The next <paramref name="count"/> requests take longer than any client waits.</summary>
    public void HangNext(int count) => Interlocked.Exchange(ref _hangNext, count);

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeStripe(builder.Build());
        fake.Map();
        await fake._app.StartAsync();
        return fake;
    }

    /// <summary>The booking's first payment.</summary>
    public JsonObject IntentFor(Guid bookingId) =>
        _intents.Values.Single(i => i["metadata"]?["booking_id"]?.GetValue<string>() == bookingId.ToString() && i["metadata"]?["purpose"] is null);

    /// <summary>The payments opened for balances of the booking's moves, oldest first.</summary>
    public IReadOnlyList<JsonObject> BalanceIntentsFor(Guid bookingId) =>
        _intents.Values.Where(i => i["metadata"]?["booking_id"]?.GetValue<string>() == bookingId.ToString() && i["metadata"]?["purpose"]?.GetValue<string>() == "balance")
            .OrderBy(i => i["created"]?.GetValue<long>() ?? 0).ToList();

    /// <summary>The tourist paid: the intent succeeds with the full amount received.</summary>
    public JsonObject Succeed(string intentId)
    {
        var intent = _intents[intentId];
        lock (intent)
        {
            intent["status"] = "succeeded";
            intent["amount_received"] = intent["amount"]!.GetValue<long>();
        }

        return intent;
    }

    /// <summary>The attempt failed: the intent waits for another payment method.</summary>
    public JsonObject Fail(string intentId)
    {
        var intent = _intents[intentId];
        lock (intent)
        {
            intent["status"] = "requires_payment_method";
        }

        return intent;
    }

    /// <summary>A webhook body and its Stripe-Signature header, signed at <paramref name="signedAt"/>.</summary>
    public static (string Payload, string Signature) Event(string type, JsonObject data, DateTimeOffset signedAt, string? id = null, string secret = WebhookSecret)
    {
        var payload = new JsonObject
        {
            ["id"] = id ?? "evt_" + Guid.NewGuid().ToString("N"),
            ["object"] = "event",
            ["api_version"] = "2026-10-28.endive",
            ["created"] = signedAt.ToUnixTimeSeconds(),
            ["type"] = type,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["data"] = new JsonObject { ["object"] = data.DeepClone() },
        }.ToJsonString();
        var t = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return (payload, $"t={t},v1={Convert.ToHexStringLower(mac)}");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            var form = context.Request.HasFormContentType
                ? (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
                : [];
            var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
            Requests.Enqueue(new StripeRequest(context.Request.Method, context.Request.Path, key, form));
            context.Items["form"] = form;
            if (Interlocked.Decrement(ref _hangNext) >= 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                return;
            }

            if (Interlocked.Decrement(ref _failNext) >= 0)
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("""{"error":{"type":"api_error","message":"Stripe is having a bad day."}}""");
                return;
            }

            if (key is not null && context.Request.Method == "POST" && _idempotent.TryGetValue(key, out var earlier))
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(earlier);
                return;
            }

            await next(context);
        });

        _app.MapPost("/v1/payment_intents", (HttpContext c) => Answer(c, CreateIntent(Form(c))));
        _app.MapGet("/v1/payment_intents/{id}", (HttpContext c, string id) => _intents.TryGetValue(id, out var i) ? Answer(c, i) : NotFound());
        _app.MapPost("/v1/payment_intents/{id}/cancel", (HttpContext c, string id) =>
        {
            if (!_intents.TryGetValue(id, out var intent))
            {
                return NotFound();
            }

            lock (intent)
            {
                if (intent["status"]!.GetValue<string>() != "succeeded")
                {
                    intent["status"] = "canceled";
                }
            }

            return Answer(c, intent);
        });
        _app.MapPost("/v1/refunds", (HttpContext c) =>
        {
            var form = Form(c);
            var amount = long.Parse(form["amount"], CultureInfo.InvariantCulture);
            if (!_intents.TryGetValue(form["payment_intent"], out var paid))
            {
                return NotFound();
            }

            // As Stripe: a payment gives back at most what it received.
            lock (_refunds)
            {
                var refunded = _refunds.Values.Where(r => r["payment_intent"]!.GetValue<string>() == form["payment_intent"]).Sum(r => r["amount"]!.GetValue<long>());
                if (refunded + amount > paid["amount_received"]!.GetValue<long>())
                {
                    return Results.Content(
                        """{"error":{"type":"invalid_request_error","code":"charge_exceeds_source_limit","message":"Refund amount is greater than unrefunded amount on charge."}}""",
                        "application/json", statusCode: 400);
                }

                var refund = new JsonObject
                {
                    ["id"] = "re_" + Guid.NewGuid().ToString("N")[..24],
                    ["object"] = "refund",
                    ["amount"] = amount,
                    ["currency"] = "cny",
                    ["payment_intent"] = form["payment_intent"],
                    ["status"] = "pending",
                };
                _refunds[refund["id"]!.GetValue<string>()] = refund;
                return Answer(c, refund);
            }
        });
    }

    private JsonObject CreateIntent(Dictionary<string, string> form)
    {
        var id = "pi_" + Guid.NewGuid().ToString("N")[..24];
        var metadata = new JsonObject();
        foreach (var (k, v) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[k[9..^1]] = v;
        }

        var methods = new JsonArray(form.Where(f => f.Key.Contains("payment_method_types", StringComparison.Ordinal)).Select(f => (JsonNode)f.Value).ToArray());
        var intent = new JsonObject
        {
            ["id"] = id,
            ["created"] = Interlocked.Increment(ref _created),
            ["object"] = "payment_intent",
            ["amount"] = long.Parse(form["amount"], CultureInfo.InvariantCulture),
            ["amount_received"] = 0,
            ["currency"] = form["currency"],
            ["status"] = "requires_payment_method",
            ["client_secret"] = $"{id}_secret_{Guid.NewGuid():N}",
            ["metadata"] = metadata,
            ["payment_method_types"] = methods,
        };
        _intents[id] = intent;
        return intent;
    }

    private static Dictionary<string, string> Form(HttpContext c) => (Dictionary<string, string>)c.Items["form"]!;

    private IResult Answer(HttpContext c, JsonObject body)
    {
        string json;
        lock (body)
        {
            json = body.ToJsonString();
        }

        if (c.Request.Headers["Idempotency-Key"].FirstOrDefault() is { } key && c.Request.Method == "POST")
        {
            _idempotent.TryAdd(key, json);
        }

        return Results.Content(json, "application/json");
    }

    private static IResult NotFound() =>
        Results.Content("""{"error":{"type":"invalid_request_error","message":"No such object."}}""", "application/json", statusCode: 404);
}

public sealed record StripeRequest(string Method, string Path, string? IdempotencyKey, Dictionary<string, string> Form);
