using System.Net;
using BananTourism.Api.IntegrationTests.Support;
using SkiaSharp;

namespace BananTourism.Api.IntegrationTests;

/// <summary>Photos in an S3-compatible bucket (<c>Media:Store=s3</c>), for replicas that share no disk: through the
/// real AWS SDK to a loopback fake of the protocol. Uploaded, served, deleted — and nothing in the local media folder.</summary>
public sealed class S3MediaTests(S3MediaTests.S3Api api) : IClassFixture<S3MediaTests.S3Api>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APhoto_GoesToTheBucket_IsServedFromIt_AndLeavesItWhenDeleted()
    {
        var rose = await api.SignInAsync("operator.rose@banan.local");
        var venue = (await (await rose.GetAsync("/api/v1/operator/venues", Ct)).ReadJsonAsync()).AsArray()[0]!.Get<string>("id");

        var answer = await rose.PostAsync($"/api/v1/operator/venues/{venue}/photos", TestImages.Form(TestImages.PhoneJpegWithGps(), "IMG.jpg"), Ct);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var photo = await answer.ReadJsonAsync();
        var key = Guid.Parse(photo.Get<string>("id")).ToString("N");
        Assert.Equal(
            [$"banan-media/demo/{key}/large.jpg", $"banan-media/demo/{key}/thumb.jpg"],
            api.S3!.Objects.Keys.Where(k => k.Contains(key, StringComparison.Ordinal)).Order().ToArray());
        Assert.Equal("image/jpeg", api.S3.Objects[$"banan-media/demo/{key}/large.jpg"].ContentType);
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(api.DatabasePath)!, "media")));

        var served = await api.CreateClient().GetAsync(photo.Get<string>("url"), Ct);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        using (var image = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync(Ct)))
        {
            Assert.Equal((240, 320), (image.Width, image.Height));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await rose.DeleteAsync($"/api/v1/operator/photos/{photo.Get<string>("id")}", Ct)).StatusCode);
        Assert.DoesNotContain(api.S3.Objects.Keys, k => k.Contains(key, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync(photo.Get<string>("url"), Ct)).StatusCode);
    }

    public sealed class S3Api : ApiFactory
    {
        public FakeS3? S3 { get; private set; }

        public override async ValueTask InitializeAsync()
        {
            S3 = await FakeS3.StartAsync();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (S3 is not null)
            {
                await S3.DisposeAsync();
            }
        }

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Media:Store"] = "s3",
            ["Media:S3:ServiceUrl"] = S3!.Address.ToString(),
            ["Media:S3:Bucket"] = "banan-media",
            ["Media:S3:AccessKey"] = "test-access",
            ["Media:S3:SecretKey"] = "test-secret",
            ["Media:S3:Prefix"] = "demo/",
        };
    }
}
