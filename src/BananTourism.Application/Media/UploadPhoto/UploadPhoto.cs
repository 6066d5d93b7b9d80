using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Media;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BananTourism.Application.Media.UploadPhoto;

/// <summary>An operator adds a picture to their venue (<see cref="OfferingId"/> null) or to one of its offerings.
/// The bytes are judged and re-encoded before anything is kept; what is refused leaves nothing behind, and the stored
/// sizes are removed again if the photo's row cannot be written.</summary>
[Allowed(Caller.Operator)]
public sealed record UploadPhoto(Guid? VenueId, Guid? OfferingId, ReadOnlyMemory<byte> Content) : ICommand<Result<PhotoDto>>;

/// <param name="SourceType">What the upload was found to be by its bytes (image/jpeg, image/png, image/webp); what is
/// served is always JPEG.</param>
public sealed record PhotoDto(Guid Id, string Url, string ThumbUrl, int Width, int Height, string SourceType)
{
    public static PhotoDto Of(Guid id, int width, int height, string sourceType) => new(id, PhotoUrls.Large(id), PhotoUrls.Thumb(id), width, height, sourceType);
}

/// <summary>Where photos are served (<c>GET /media/{id}/{size}</c>).</summary>
public static class PhotoUrls
{
    public static string Large(Guid id) => $"/media/{id}/large";

    public static string Thumb(Guid id) => $"/media/{id}/thumb";
}

public sealed partial class UploadPhotoHandler(
    IAppDbContext db, ICurrentUser currentUser, IPhotoProcessor processor, IMediaStore store, IWriteTransactions writes, TimeProvider clock,
    ILogger<UploadPhotoHandler> logger)
    : ICommandHandler<UploadPhoto, Result<PhotoDto>>
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public async ValueTask<Result<PhotoDto>> Handle(UploadPhoto command, CancellationToken ct)
    {
        var venueId = command.OfferingId is { } offeringId
            ? await db.OwnedOfferings(currentUser).Where(o => o.Id == offeringId).Select(o => (Guid?)o.VenueId).SingleOrDefaultAsync(ct)
            : await db.OwnedVenues(currentUser).Where(v => v.Id == command.VenueId).Select(v => (Guid?)v.Id).SingleOrDefaultAsync(ct);
        if (venueId is null)
        {
            return command.OfferingId is null ? VenueErrors.NotFound : OfferingErrors.NotFound;
        }

        if (await CountAsync(db, venueId.Value, command.OfferingId, ct) >= Photo.MaxPerSubject)
        {
            return PhotoErrors.TooMany; // before the work of decoding it
        }

        if (command.Content.Length == 0)
        {
            return PhotoErrors.Empty;
        }

        if (command.Content.Length > MaxBytes)
        {
            return PhotoErrors.TooManyBytes(MaxBytes);
        }

        var processed = processor.Process(command.Content);
        if (!processed.IsSuccess)
        {
            return Result<PhotoDto>.Failure(processed.Errors);
        }

        var image = processed.Value;
        var photo = Photo.Create(venueId.Value, command.OfferingId, image.Width, image.Height, currentUser.Me(), clock.GetUtcNow());
        await store.PutAsync(MediaKeys.Of(photo.Id, PhotoSize.Large), image.Large, "image/jpeg", ct);
        await store.PutAsync(MediaKeys.Of(photo.Id, PhotoSize.Thumb), image.Thumb, "image/jpeg", ct);
        Result<PhotoDto> saved;
        try
        {
            saved = await writes.RunAsync<PhotoDto>(async (tx, token) =>
            {
                // Counted again where it is written: two uploads racing for the twelfth place do not both get it.
                if (await CountAsync(tx, photo.VenueId, photo.OfferingId, token) >= Photo.MaxPerSubject)
                {
                    return PhotoErrors.TooMany;
                }

                tx.Photos.Add(photo);
                await tx.SaveChangesAsync(token);
                return PhotoDto.Of(photo.Id, photo.Width, photo.Height, image.SourceType);
            }, ct);
        }
        catch
        {
            await store.DeletePhotoAsync(photo.Id);
            throw;
        }

        if (!saved.IsSuccess)
        {
            await store.DeletePhotoAsync(photo.Id);
        }
        else
        {
            LogUploaded(photo.Id, image.SourceType, image.Width, image.Height, command.Content.Length);
        }

        return saved;
    }

    private static Task<int> CountAsync(IAppDbContext db, Guid venueId, Guid? offeringId, CancellationToken ct) =>
        db.Photos.CountAsync(p => p.VenueId == venueId && p.OfferingId == offeringId, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Photo {PhotoId} stored: {SourceType} re-encoded to {Width}×{Height} from {Bytes} bytes")]
    private partial void LogUploaded(Guid photoId, string sourceType, int width, int height, int bytes);
}
