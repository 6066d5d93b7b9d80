using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using BananTourism.Application.Media;

namespace BananTourism.Infrastructure.Media;

/// <summary>Media in an S3-compatible bucket (AWS S3, MinIO, Aliyun OSS, Tencent COS), for replicas that share no disk:
/// <c>Media:Store=s3</c> with <c>Media:S3:ServiceUrl</c>, <c>Bucket</c>, <c>AccessKey</c>, <c>SecretKey</c> (and
/// optionally <c>Region</c>, <c>Prefix</c>). Path-style addressing, which every compatible store accepts.</summary>
internal sealed class S3MediaStore(IAmazonS3 s3, S3MediaOptions options) : IMediaStore
{
    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        using var body = new MemoryStream(content.ToArray(), writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = options.Prefix + key,
            InputStream = body,
            ContentType = contentType,
            AutoCloseStream = false,
            UseChunkEncoding = false, // a plain body: not every compatible store speaks aws-chunked
        }, ct);
    }

    public async Task<MediaObject?> GetAsync(string key, CancellationToken ct)
    {
        try
        {
            var found = await s3.GetObjectAsync(options.Bucket, options.Prefix + key, ct);
            return new MediaObject(found.ResponseStream, found.ContentLength, found.Headers.ContentType ?? "application/octet-stream");
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct) =>
        await s3.DeleteObjectAsync(options.Bucket, options.Prefix + key, ct);

    public static IAmazonS3 Client(S3MediaOptions options) => new AmazonS3Client(
        new BasicAWSCredentials(options.AccessKey, options.SecretKey),
        new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            AuthenticationRegion = options.Region,
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
}

public sealed class S3MediaOptions
{
    public string ServiceUrl { get; set; } = "";

    public string Bucket { get; set; } = "";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    public string Region { get; set; } = "us-east-1";

    /// <summary>Put before every key, e.g. <c>banan/</c>, to share a bucket.</summary>
    public string Prefix { get; set; } = "";
}
