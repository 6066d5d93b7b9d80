using QRCoder;

namespace BananTourism.Browser.Tests;

/// <summary>A camera for Chromium's fake capture device: a Y4M video whose every frame shows a QR code, so the
/// check-in page's scanner reads a real image from a real getUserMedia stream.</summary>
public static class FakeCamera
{
    private const int Size = 480;

    public static async Task WriteQrVideoAsync(string path, string text, int frames = 30)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var modules = data.ModuleMatrix;
        var count = modules.Count;
        var scale = Size * 3 / 4 / count;
        var offset = (Size - (count * scale)) / 2;

        // 4:2:0 planes: luma from the QR (black modules on white), neutral chroma.
        var luma = new byte[Size * Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var (mx, my) = ((x - offset) / scale, (y - offset) / scale);
                var dark = x >= offset && y >= offset && mx < count && my < count && modules[my][mx];
                luma[(y * Size) + x] = dark ? (byte)16 : (byte)235;
            }
        }

        var chroma = Enumerable.Repeat((byte)128, Size * Size / 2).ToArray();
        await using var file = File.Create(path);
        await file.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Size} H{Size} F10:1 Ip A1:1 C420jpeg\n"));
        for (var i = 0; i < frames; i++)
        {
            await file.WriteAsync("FRAME\n"u8.ToArray());
            await file.WriteAsync(luma);
            await file.WriteAsync(chroma);
        }
    }
}
