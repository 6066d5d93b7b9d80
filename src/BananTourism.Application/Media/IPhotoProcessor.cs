using BananTourism.Domain.Common;

namespace BananTourism.Application.Media;

/// <summary>Turns the bytes a phone sent into what is served: the type judged from the content, the pixel size checked
/// before anything is decoded (a small file may claim a huge picture), then decoded, turned upright by its EXIF
/// orientation and encoded again in two sizes, which leaves every piece of metadata (GPS, camera) behind.</summary>
public interface IPhotoProcessor
{
    Result<ProcessedPhoto> Process(ReadOnlyMemory<byte> upload);
}

/// <param name="SourceType">The type the content was found to be (image/jpeg, image/png, image/webp).</param>
/// <param name="Width">The large size's width, after rotation.</param>
public sealed record ProcessedPhoto(string SourceType, int Width, int Height, byte[] Large, byte[] Thumb);
