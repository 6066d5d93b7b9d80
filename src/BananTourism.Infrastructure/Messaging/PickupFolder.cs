using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.Hosting;

namespace BananTourism.Infrastructure.Messaging;

/// <summary>The folder every sent message is copied to, one JSON file each
/// (<c>{id, template, channel, to, subject?, body, bookingId?}</c>). A file appears whole or not at all: it is
/// written under a temporary name and renamed.</summary>
public sealed class PickupFolder
{
    /// <summary>Readable by people: Chinese as it is, not \u-escaped; absent fields left out.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly string? _path;

    public PickupFolder(NotificationOptions options, IHostEnvironment environment) =>
        _path = string.IsNullOrWhiteSpace(options.PickupDirectory)
            ? null
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.PickupDirectory));

    public bool Enabled => _path is not null;

    public async Task WriteAsync(PickupMessage message, CancellationToken ct)
    {
        if (_path is null)
        {
            return;
        }

        Directory.CreateDirectory(_path);
        var file = Path.Combine(_path, $"{message.Channel}-{message.Template}-{message.Id:N}.json");
        var temporary = file + ".tmp";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(message, Json), ct);
        File.Move(temporary, file, overwrite: true);
    }
}

public sealed record PickupMessage(Guid Id, string Template, string Channel, string To, string? Subject, string Body, Guid? BookingId);
