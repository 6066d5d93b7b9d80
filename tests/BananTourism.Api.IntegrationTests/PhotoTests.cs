using System.Net;
using System.Net.Http.Json;
using BananTourism.Api.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Photos (issue 18): judged by their bytes, re-encoded without metadata and upright, refused whole when hostile —
/// nothing stored, no row, no file.</summary>
public class PhotoTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string MediaFolder => Path.Combine(Path.GetDirectoryName(api.DatabasePath)!, "media");

    private async Task<(HttpClient Operator, string VenueId)> OperatorAsync(string email)
    {
        var client = await api.SignInAsync(email);
        var venues = await (await client.GetAsync("/api/v1/operator/venues", Ct)).ReadJsonAsync();
        return (client, venues.AsArray()[0]!.Get<string>("id"));
    }

    [Fact]
    public async Task APhonePhoto_ComesBackUpright_WithoutGpsOrCamera_InTwoSizes_CachedByItsId()
    {
        var (rose, venue) = await OperatorAsync("operator.rose@banan.local");
        var original = TestImages.PhoneJpegWithGps();
        Assert.True(Has(original, "TestCam"u8)); // the fixture does carry a camera

        var answer = await rose.PostAsync($"/api/v1/operator/venues/{venue}/photos", TestImages.Form(original, "IMG_2041.jpg"), Ct);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var photo = await answer.ReadJsonAsync();
        Assert.Equal((240, 320), (photo.Get<int>("width"), photo.Get<int>("height"))); // orientation 6 applied

        var anonymous = api.CreateClient();
        var large = await anonymous.GetAsync(photo.Get<string>("url"), Ct);
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        Assert.Equal("image/jpeg", large.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", large.Headers.CacheControl!.ToString());
        var bytes = await large.Content.ReadAsByteArrayAsync(Ct);
        Assert.False(Has(bytes, "Exif"u8));
        Assert.False(Has(bytes, "TestCam"u8));
        using (var served = SKBitmap.Decode(bytes))
        {
            Assert.Equal((240, 320), (served.Width, served.Height));
        }

        using var codec = SKCodec.Create(new MemoryStream(bytes));
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);

        var thumb = await anonymous.GetAsync(photo.Get<string>("thumbUrl"), Ct);
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);

        // A browser that has it asks with its ETag and gets 304 without a byte of the picture.
        var again = new HttpRequestMessage(HttpMethod.Get, photo.Get<string>("url"));
        again.Headers.IfNoneMatch.Add(large.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again, Ct)).StatusCode);

        // The venue's public page lists it.
        var detail = await (await anonymous.GetAsync($"/api/v1/venues/{venue}", Ct)).ReadJsonAsync();
        Assert.Contains(detail["photos"]!.AsArray(), p => p!.Get<string>("id") == photo.Get<string>("id"));

        // Deleted: gone from the page and from the store.
        Assert.Equal(HttpStatusCode.NoContent, (await rose.DeleteAsync($"/api/v1/operator/photos/{photo.Get<string>("id")}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(photo.Get<string>("url"), Ct)).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(MediaFolder, Guid.Parse(photo.Get<string>("id")).ToString("N"))));
    }

    [Fact]
    public async Task APngNamedJpg_IsTakenAsThePngItIs()
    {
        var (daxia, venue) = await OperatorAsync("operator.daxia@banan.local");
        var answer = await daxia.PostAsync($"/api/v1/operator/venues/{venue}/photos", TestImages.Form(TestImages.Png(2400, 1200), "rice.jpg", "image/jpeg"), Ct);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var photo = await answer.ReadJsonAsync();
        Assert.Equal("image/png", photo.Get<string>("sourceType"));
        Assert.Equal((1600, 800), (photo.Get<int>("width"), photo.Get<int>("height"))); // the large size: 1,600 wide at most
        var thumb = await (await api.CreateClient().GetAsync(photo.Get<string>("thumbUrl"), Ct)).Content.ReadAsByteArrayAsync(Ct);
        using var decoded = SKBitmap.Decode(thumb);
        Assert.Equal((400, 200), (decoded.Width, decoded.Height));
    }

    public static TheoryData<string, byte[], string, int, string> Hostile => new()
    {
        { "an HTML page named .jpg", "<html><script>alert(1)</script></html>"u8.ToArray(), "cat.jpg", 415, "unsupported_media_type" },
        { "a PNG claiming 20,000 × 20,000", TestImages.PngBomb(20_000), "bomb.png", 413, "image_too_large" },
        { "a PNG bomb claiming 12,000 × 12,000", TestImages.PngBomb(12_000), "bomb2.png", 413, "image_too_large" },
        { "an empty file", [], "empty.jpg", 400, "validation_failed" },
        { "a JPEG cut in half", TestImages.PhoneJpegWithGps()[..9000], "half.jpg", 400, "image_unreadable" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task HostileFiles_AreRefusedByTheirBytes_AndLeaveNothingBehind(string what, byte[] bytes, string name, int status, string code)
    {
        var (rose, venue) = await OperatorAsync("operator.rose@banan.local");
        var rowsBefore = await api.WithDbAsync(db => db.Photos.CountAsync(Ct));
        var filesBefore = Directory.Exists(MediaFolder) ? Directory.GetFiles(MediaFolder, "*", SearchOption.AllDirectories).Length : 0;

        var answer = await rose.PostAsync($"/api/v1/operator/venues/{venue}/photos", TestImages.Form(bytes, name), Ct);

        Assert.True(status == (int)answer.StatusCode, $"{what}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType!.MediaType);
        var problem = await answer.ReadJsonAsync();
        Assert.Equal(code, problem.Get<string>("code"));
        Assert.NotNull(problem["errors"]!["file"]);
        Assert.Equal(rowsBefore, await api.WithDbAsync(db => db.Photos.CountAsync(Ct)));
        var filesAfter = Directory.Exists(MediaFolder) ? Directory.GetFiles(MediaFolder, "*", SearchOption.AllDirectories).Length : 0;
        Assert.Equal(filesBefore, filesAfter);
    }

    [Fact]
    public async Task AnotherOperatorsVenue_IsNotFound()
    {
        var (_, roseVenue) = await OperatorAsync("operator.rose@banan.local");
        var (daxia, _) = await OperatorAsync("operator.daxia@banan.local");
        var answer = await daxia.PostAsync($"/api/v1/operator/venues/{roseVenue}/photos", TestImages.Form(TestImages.Png(64, 48), "a.png", "image/png"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task TheThirteenthPhotoOfAnOffering_IsRefused()
    {
        var huangjinlin = await api.SignInAsync("operator.huangjinlin@banan.local");
        var venue = (await (await huangjinlin.GetAsync("/api/v1/operator/venues", Ct)).ReadJsonAsync()).AsArray()[0]!.Get<string>("id");
        var offering = (await (await huangjinlin.GetAsync($"/api/v1/operator/venues/{venue}/offerings", Ct)).ReadJsonAsync()).AsArray()[0]!.Get<string>("id");
        for (var i = 0; i < 12; i++)
        {
            var ok = await huangjinlin.PostAsync($"/api/v1/operator/offerings/{offering}/photos", TestImages.Form(TestImages.Png(64 + i, 48), $"p{i}.png", "image/png"), Ct);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        var thirteenth = await huangjinlin.PostAsync($"/api/v1/operator/offerings/{offering}/photos", TestImages.Form(TestImages.Png(80, 48), "p13.png", "image/png"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, thirteenth.StatusCode);
        Assert.Equal("too_many_photos", (await thirteenth.ReadJsonAsync()).Get<string>("code"));

        var card = (await (await api.CreateClient().GetAsync($"/api/v1/offerings?venueId={venue}&pageSize=50", Ct)).ReadJsonAsync())["items"]!.AsArray()
            .Single(o => o!.Get<string>("id") == offering)!;
        Assert.Equal(12, card["photos"]!.AsArray().Count);
    }

    private static bool Has(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
