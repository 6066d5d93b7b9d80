using BananTourism.Application.Media.UploadPhoto;
using BananTourism.Domain.Common;
using BananTourism.Domain.Media;

namespace BananTourism.Api.Hosting;

/// <summary>A photo as a browser or an app sends it (a form field <c>file</c>), read into memory for the use case: the
/// API and the operator's page take it the same way. The name and type the sender claims are not looked at.</summary>
public static class PhotoUploads
{
    /// <summary>The file plus the form's own bytes; past this the request is refused as it arrives.</summary>
    public const long MaxRequest = UploadPhotoHandler.MaxBytes + 64 * 1024;

    public static async Task<Result<ReadOnlyMemory<byte>>> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            return Error.Validation("file", "Send the picture in a form field named file.");
        }

        if (file.Length > UploadPhotoHandler.MaxBytes)
        {
            return PhotoErrors.TooManyBytes(UploadPhotoHandler.MaxBytes);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return Result<ReadOnlyMemory<byte>>.Success(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }
}
