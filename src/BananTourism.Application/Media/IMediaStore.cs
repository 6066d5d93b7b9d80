namespace BananTourism.Application.Media;

/// <summary>Where re-encoded pictures are kept: a folder under the data directory by default, an S3-compatible bucket
/// for replicas that share no disk. Keys are paths such as <c>0192…/large.jpg</c>; objects never change once written.</summary>
public interface IMediaStore
{
    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct);

    /// <summary>The object's bytes as a stream, or null when there is none.</summary>
    Task<MediaObject?> GetAsync(string key, CancellationToken ct);

    /// <summary>Removes the object; nothing happens when there is none.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}

public sealed record MediaObject(Stream Content, long Length, string ContentType);

/// <summary>The keys of a photo's sizes.</summary>
public static class MediaKeys
{
    public static string Of(Guid photoId, BananTourism.Domain.Media.PhotoSize size) =>
        $"{photoId:N}/{(size == BananTourism.Domain.Media.PhotoSize.Thumb ? "thumb" : "large")}.jpg";

    /// <summary>Removes every size of a photo; not cancellable, so a photo is never left half removed.</summary>
    public static async Task DeletePhotoAsync(this IMediaStore store, Guid photoId)
    {
        foreach (var size in Enum.GetValues<BananTourism.Domain.Media.PhotoSize>())
        {
            await store.DeleteAsync(Of(photoId, size), CancellationToken.None);
        }
    }
}
