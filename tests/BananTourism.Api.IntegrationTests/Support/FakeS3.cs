using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BananTourism.Api.IntegrationTests.Support;

/// <summary>A loopback stand-in for an S3-compatible store (path-style: <c>/{bucket}/{key}</c>): PUT keeps the body and
/// its content type, GET answers it or S3's 404 NoSuchKey, DELETE forgets it. Signatures are not checked; what is
/// tested is that the service speaks the protocol (through the real AWS SDK) and keeps nothing on local disk.</summary>
public sealed class FakeS3 : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeS3(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, (byte[] Body, string ContentType)> Objects { get; } = new();

    public Uri Address => new(_app.Urls.First());

    public static async Task<FakeS3> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeS3(builder.Build());
        fake._app.MapMethods("/{**path}", ["PUT", "GET", "HEAD", "DELETE"], fake.HandleAsync);
        await fake._app.StartAsync();
        return fake;
    }

    private async Task<IResult> HandleAsync(HttpContext http, string path)
    {
        switch (http.Request.Method)
        {
            case "PUT":
                using (var body = new MemoryStream())
                {
                    await http.Request.Body.CopyToAsync(body);
                    Objects[path] = (body.ToArray(), http.Request.ContentType ?? "application/octet-stream");
                }

                http.Response.Headers.ETag = $"\"{Guid.NewGuid():N}\"";
                return Results.Ok();
            case "DELETE":
                Objects.TryRemove(path, out _);
                return Results.NoContent();
            default:
                return Objects.TryGetValue(path, out var found)
                    ? Results.Bytes(found.Body, found.ContentType)
                    : Results.Content(
                        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>{path}</Key></Error>",
                        "application/xml", statusCode: StatusCodes.Status404NotFound);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
