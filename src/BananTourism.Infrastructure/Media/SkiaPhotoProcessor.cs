using BananTourism.Application.Media;
using BananTourism.Domain.Common;
using BananTourism.Domain.Media;
using SkiaSharp;

namespace BananTourism.Infrastructure.Media;

/// <summary><see cref="IPhotoProcessor"/> with SkiaSharp (MIT, Google's Skia). The order is the defence: the type from
/// the first bytes; the pixel size from the header, refused before a pixel is decoded (a 50 kB PNG can claim 20,000 ×
/// 20,000); JPEG and WebP decoded straight at a reduced scale where the codec can; a truncated or damaged picture
/// refused, not half-shown; drawn upright on white (EXIF orientation, transparency flattened) and encoded again, which
/// is what strips every piece of metadata.</summary>
internal sealed class SkiaPhotoProcessor : IPhotoProcessor
{
    public const int MaxSide = 12_000;
    public const long MaxPixels = 50_000_000;
    private const int LargeWidth = 1600;
    private const int ThumbWidth = 400;
    private const int Quality = 82;

    public Result<ProcessedPhoto> Process(ReadOnlyMemory<byte> upload)
    {
        var type = Sniff(upload.Span);
        if (type is null)
        {
            return PhotoErrors.UnsupportedType;
        }

        using var data = SKData.CreateCopy(upload.Span);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return PhotoErrors.Unreadable;
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
        {
            return PhotoErrors.Unreadable;
        }

        if (width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return PhotoErrors.TooManyPixels(width, height);
        }

        using var decoded = Decode(codec);
        if (decoded is null)
        {
            return PhotoErrors.Unreadable;
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var large = Encode(upright, LargeWidth, out var largeWidth, out var largeHeight);
        var thumb = Encode(upright, ThumbWidth, out _, out _);
        return new ProcessedPhoto(type, largeWidth, largeHeight, large, thumb);
    }

    /// <summary>The content's type from its signature; null for anything but JPEG, PNG and WebP.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }

        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return null;
    }

    /// <summary>Decodes at the smallest size the codec offers that still covers the large size (JPEG scales by
    /// eighths while decoding), so a 50-megapixel photo rarely needs 200 MB of pixels. Null when the data is damaged or
    /// ends early.</summary>
    private static SKBitmap? Decode(SKCodec codec)
    {
        // The shorter side is the one that may end up as the width once the picture is turned upright.
        var shorter = Math.Min(codec.Info.Width, codec.Info.Height);
        var size = codec.Info.Size;
        if (shorter > LargeWidth)
        {
            var scaled = codec.GetScaledDimensions((float)LargeWidth / shorter);
            if (Math.Min(scaled.Width, scaled.Height) >= LargeWidth)
            {
                size = scaled;
            }
        }

        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }

        return bitmap;
    }

    /// <summary>The picture as it is meant to be seen: turned by its EXIF orientation, on white (JPEG has no alpha).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var target = new SKBitmap(new SKImageInfo(swaps ? h : w, swaps ? w : h, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: // mirrored
                canvas.Translate(w, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight: // upside down
                canvas.Translate(w, h);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft: // mirrored upside down
                canvas.Translate(0, h);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop: // transposed
                canvas.Scale(1, -1);
                canvas.RotateDegrees(-90);
                break;
            case SKEncodedOrigin.RightTop: // a phone held upright: turn 90° clockwise
                canvas.Translate(h, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom: // transversed
                canvas.Translate(h, w);
                canvas.Scale(1, -1);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.LeftBottom: // turn 90° anticlockwise
                canvas.Translate(0, w);
                canvas.RotateDegrees(-90);
                break;
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest)); // whole-pixel turns: nothing to blend
        canvas.Flush();
        return target;
    }

    /// <summary>JPEG at most <paramref name="maxWidth"/> wide (never enlarged), proportions kept.</summary>
    private static byte[] Encode(SKBitmap upright, int maxWidth, out int width, out int height)
    {
        width = Math.Min(maxWidth, upright.Width);
        height = Math.Max(1, (int)Math.Round((double)upright.Height * width / upright.Width));
        using var resized = width == upright.Width
            ? upright.Copy()
            : upright.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(resized);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return encoded.ToArray();
    }
}
