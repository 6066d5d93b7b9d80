using BananTourism.Application.Media;

namespace BananTourism.Infrastructure.Media;

/// <summary>Media in a folder (<c>Media:Directory</c>; by default <c>media</c> beside the SQLite database). Each object is
/// written to a temporary name and moved into place, so a reader never sees half a picture. One process or replicas
/// sharing a volume; otherwise <see cref="S3MediaStore"/>.</summary>
internal sealed class FileMediaStore(string root) : IMediaStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, content, ct);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // nothing when it was moved
        }
    }

    public Task<MediaObject?> GetAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
            return Task.FromResult<MediaObject?>(new MediaObject(stream, stream.Length, ContentTypeOf(key)));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<MediaObject?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        File.Delete(path);
        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }

        return Task.CompletedTask;
    }

    /// <summary>Keys are made by the service (<see cref="MediaKeys"/>), but a key is still kept inside the root.</summary>
    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The media key '{key}' leaves the media folder.", nameof(key));
        }

        return path;
    }

    private static string ContentTypeOf(string key) => Path.GetExtension(key) switch
    {
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };
}
