using System.IO.Compression;
using System.Net.Http.Headers;
using SkiaSharp;

namespace BananTourism.Api.IntegrationTests.Support;

/// <summary>Pictures for upload tests, made here: real ones drawn with Skia, hostile ones written byte by byte.</summary>
public static class TestImages
{
    /// <summary>A 320×240 phone photo whose EXIF has a camera, GPS near 天坪山 and orientation 6 (../shared/testdata).</summary>
    public static byte[] PhoneJpegWithGps() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "photo-with-gps.jpg"));

    public static byte[] Png(int width, int height, SKColor? colour = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(colour ?? new SKColor(0xE9, 0x1E, 0x63));
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>A valid PNG header that claims <paramref name="side"/> × <paramref name="side"/> pixels (1-bit grey) over
    /// a small compressed stream of zeros: a few kilobytes that would decode into hundreds of megabytes.</summary>
    public static byte[] PngBomb(int side)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, side);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        using var zeros = new MemoryStream();
        using (var z = new ZLibStream(zeros, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + (side + 7) / 8];
            for (var y = 0; y < Math.Min(side, 2000); y++)
            {
                z.Write(row); // only the first rows: enough for the header to be believed
            }
        }

        Chunk(png, "IDAT", zeros.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    /// <summary>PNG's chunk checksum (CRC-32, polynomial 0xEDB88320), which decoders verify.</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>The form a phone's browser sends: a field named <c>file</c> with the name and type it claims.</summary>
    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string claimedType = "image/jpeg")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
