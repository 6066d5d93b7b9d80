using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace BananTourism.Api.Hosting;

/// <summary>The OpenAPI document as clients need it, made from the endpoints' own metadata (not a hand-kept file): the
/// bearer scheme and which operations need it (the role in the description), a summary for every operation, the
/// problem+json answers each can give with a ProblemDetails schema that has <c>code</c>, <c>traceId</c> and
/// <c>errors</c>, the <c>Idempotency-Key</c> header where it is honoured, tags with descriptions, a licence.</summary>
public static partial class ApiDescription
{
    public const string BearerScheme = "bearer";
    private const string Problem = "ProblemDetails";

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Accounts"] = "Sign-up, sign-in (bearer tokens), the caller's profile and phone verification.",
        ["Admin"] = "What the district's administrators do: accounts, holidays, reports' rebuild, hiding reviews.",
        ["Bookings"] = "A tourist's bookings: book, pay, read, cancel, reschedule, review.",
        ["Catalog"] = "Anonymous browsing: townships, venues, offerings, live availability, crowd levels, photos, reviews.",
        ["Messages"] = "The messages the service sent the caller.",
        ["Operators"] = "Farm-stay owners and operators: venues, offerings, schedules, closures, check-ins, walk-ins, weigh-outs, photos, season.",
        ["Payments"] = "Stripe's webhook (called by Stripe, signed) and a payment's retry.",
        ["Reports"] = "Visitor figures and revenue for township and district officers; today's board.",
    };

    private static readonly Dictionary<string, string> Roles = new()
    {
        [AuthSetup.Admin] = "an admin",
        [AuthSetup.Tourist] = "a tourist",
        [AuthSetup.Operator] = "an operator (their own venues only; others' ids answer 404)",
        [AuthSetup.Officer] = "an officer (their township) or an admin",
        [AuthSetup.TodayBoard] = "an officer (their township), an admin, or an operator (their own venues)",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "BananTourism API";
            document.Info.Description = "Booking agritourism in Banan district (巴南区), Chongqing. Errors are RFC 9457 problem+json " +
                                        "with a stable `code`; sign in with `POST /api/v1/auth/login` and send `Authorization: Bearer <accessToken>`.";
            document.Info.License = new OpenApiLicense { Name = "Proprietary — BananTourism", Url = new Uri("https://banan.example.cn/terms") };
            document.Info.Contact = new OpenApiContact { Name = "BananTourism", Email = "dev@banan.example.cn" };
            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/');
            }

            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The `accessToken` of `POST /api/v1/auth/login`.",
            };
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[Problem] = ProblemSchema();
            document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
            return Task.CompletedTask;
        });
        // Enums travel as camelCase strings (JsonStringEnumConverter): said in the schema, so generators make string enums.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // Times of day travel as "HH:mm" (JsonSetup's converter), not RFC 3339's full-time.
            if (context.JsonTypeInfo.Type == typeof(TimeOnly) || context.JsonTypeInfo.Type == typeof(TimeOnly?))
            {
                schema.Type = context.JsonTypeInfo.Type == typeof(TimeOnly) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                schema.Format = null;
                schema.Pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
                schema.Description ??= "A time of day, HH:mm (Asia/Shanghai).";
            }

            if (schema.Enum is { Count: > 0 } values && schema.Type is null
                && values.All(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.String))
            {
                // The shared enum schema is the values only; where a member may be null, its oneOf says so.
                for (var i = values.Count - 1; i >= 0; i--)
                {
                    if (values[i] is null)
                    {
                        values.RemoveAt(i);
                    }
                }

                schema.Type = JsonSchemaType.String;
            }

            // A nullable member may be left out (requests) and is left out when null (answers: nulls are not written), so
            // it is not "required", whatever its place in a record's constructor.
            if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
            {
                foreach (var (name, property) in properties)
                {
                    if (MayBeNull(property))
                    {
                        required.Remove(name);
                    }
                }

                // Members whose C# type says null (string?, RefundDto?) even where the schema could not show it.
                foreach (var member in context.JsonTypeInfo.Properties.Where(p => p.IsGetNullable && (!p.PropertyType.IsValueType || Nullable.GetUnderlyingType(p.PropertyType) is not null)))
                {
                    required.Remove(member.Name);
                }
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            Describe(operation, context);
            return Task.CompletedTask;
        });
    }

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var name = metadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        operation.OperationId ??= name;
        operation.Summary ??= name is null ? null : Words(name);

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        var signedIn = !anonymous && metadata.OfType<IAuthorizeData>().Any();
        var notes = new List<string>();
        if (signedIn)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            var who = policies.Where(p => p is not null).Select(p => Roles.GetValueOrDefault(p!, p!)).Distinct().ToList();
            notes.Add(who.Count > 0 ? $"Needs a bearer token of {string.Join(" or ", who)}." : "Needs a bearer token (any role).");
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement()]; // said outright: no token needed
            if (name != "StripeWebhook")
            {
                notes.Add("No token needed.");
            }
        }

        var rateLimited = metadata.OfType<EnableRateLimitingAttribute>().Any();
        var method = description.HttpMethod ?? "GET";
        var path = description.RelativePath ?? "";
        var hasInput = (operation.Parameters?.Count ?? 0) > 0 || operation.RequestBody is not null;
        var changes = method is "POST" or "PUT" or "PATCH" or "DELETE";

        operation.Responses ??= [];
        if (hasInput)
        {
            AddProblem(operation, context, "400", "Bad input: `errors` names each field (code `validation_failed`, or a code of its own).");
        }

        if (signedIn)
        {
            AddProblem(operation, context, "401", "No bearer token, or it expired.");
            if (policies.Any(p => p is not null))
            {
                AddProblem(operation, context, "403", "Signed in, but not in a role this needs.");
            }
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            AddProblem(operation, context, "404", "Not found (or not yours: another's ids answer 404 too).");
        }

        if (changes)
        {
            AddProblem(operation, context, "409", "Conflicts with the current state: see `code` (e.g. `sold_out`, `not_cancellable`).");
            AddProblem(operation, context, "422", "Well-formed but cannot be done: see `code`.");
        }

        if (rateLimited || path.StartsWith("api/v1/auth", StringComparison.Ordinal))
        {
            AddProblem(operation, context, "429", "Too many requests: wait `Retry-After` seconds.");
        }

        if (operation.RequestBody?.Content?.ContainsKey("multipart/form-data") == true)
        {
            AddProblem(operation, context, "413", "The file is too large (bytes or pixels).");
            AddProblem(operation, context, "415", "Not a supported type, judged by the content.");
        }

        var idempotent = operation.Parameters?.Any(p => p.In == ParameterLocation.Header && p.Name == "Idempotency-Key") == true;
        if (idempotent)
        {
            notes.Add("Honours `Idempotency-Key`: a retry with the same key and body gets the first answer, never a second booking.");
        }

        if (name == "CreateBooking")
        {
            Example(operation.RequestBody?.Content, """
                {"offeringId":"01a24a58-da20-75aa-83f5-02b7b4898f4e","slotId":"01a24a58-da20-74b2-ab93-32b6270404ab","adults":2,"children":1,
                 "contact":{"name":"张三","phone":"13800138000","email":"zhangsan@example.cn"},"paymentMethod":"payOnArrival"}
                """);
            if (operation.Responses.TryGetValue("201", out var created))
            {
                Example(created.Content, """
                    {"id":"01a24a8b-bb0b-7ad7-96bb-970351551d4a","reference":"BT-V9MPEM6S","status":"confirmed",
                     "offeringId":"01a24a58-da20-75aa-83f5-02b7b4898f4e","offeringName":"玫瑰园赏花",
                     "venueId":"01a24a58-da20-7a34-91b4-f6da8646b223","venueName":"幸福村玫瑰园","kind":"timeSlot",
                     "slotId":"01a24a58-da20-74b2-ab93-32b6270404ab","date":"2026-12-09","start":"09:00","end":"17:00","adults":2,"children":1,
                     "total":{"amount":5000,"currency":"CNY"},
                     "breakdown":[{"date":"2026-12-09","kind":"adult","quantity":2,"unitPrice":{"amount":2000,"currency":"CNY"},"amount":{"amount":4000,"currency":"CNY"}},
                                  {"date":"2026-12-09","kind":"child","quantity":1,"unitPrice":{"amount":1000,"currency":"CNY"},"amount":{"amount":1000,"currency":"CNY"}}],
                     "verificationCode":"BV0Q-YTNR","payment":{"method":"payOnArrival","status":"payOnArrival","amountPaid":{"amount":0,"currency":"CNY"}},
                     "contact":{"name":"张三","phone":"13800138000","email":"zhangsan@example.cn"},"createdAt":"2026-12-06T08:50:01.0992878+00:00"}
                    """);
            }
        }

        if (name == "StripeWebhook")
        {
            notes.Add("Called by Stripe, not by clients: the body must carry a valid `Stripe-Signature`.");
        }

        if (notes.Count > 0)
        {
            operation.Description = string.Join(" ", new[] { operation.Description }.Concat(notes).Where(n => !string.IsNullOrWhiteSpace(n)));
        }
    }

    private static bool MayBeNull(IOpenApiSchema schema) =>
        schema.Type is { } type && type.HasFlag(JsonSchemaType.Null)
        || schema.OneOf?.Any(MayBeNull) == true
        || schema.AnyOf?.Any(MayBeNull) == true;

    private static void Example(IDictionary<string, OpenApiMediaType>? content, string json)
    {
        if (content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = System.Text.Json.Nodes.JsonNode.Parse(json);
        }
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Problem, context.Document) },
            },
        };
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details, with the service's stable `code`.",
        Required = new HashSet<string> { "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable, part of the contract: `validation_failed`, `sold_out`, `not_cancellable`, …" },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Quote it when reporting a problem." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object | JsonSchemaType.Null,
                Description = "Per field (camelCase path), what is wrong with it.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["retryAfter"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int64", Description = "Seconds to wait (429, 503)." },
        },
    };

    /// <summary>"CreateBooking" → "Create booking".</summary>
    private static string Words(string name)
    {
        var words = Capitals().Replace(name, " $1").Trim();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Capitals();
}
