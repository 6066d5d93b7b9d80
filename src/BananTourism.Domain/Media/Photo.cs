using BananTourism.Domain.Common;

namespace BananTourism.Domain.Media;

/// <summary>A picture of a venue, or of one of its offerings (then <see cref="OfferingId"/> is set), as the server
/// re-encoded it: a large size and a thumbnail, stored under <see cref="Key"/> in the media store. Never the bytes
/// the phone sent: no EXIF, no GPS, orientation already applied. A photo's bytes never change once stored (a new
/// picture is a new photo), so its id names its content: the served ETag, and a cache may keep it for a year.</summary>
public sealed class Photo
{
    /// <summary>Pictures one venue (not counting its offerings') or one offering may have.</summary>
    public const int MaxPerSubject = 12;

    private Photo()
    {
    }

    public Guid Id { get; private set; }

    public Guid VenueId { get; private set; }

    public Guid? OfferingId { get; private set; }

    /// <summary>The large size's pixels (the thumbnail keeps its proportions).</summary>
    public int Width { get; private set; }

    public int Height { get; private set; }

    public Guid UploadedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Where the sizes live in the media store: <c>{Key}/large.jpg</c>, <c>{Key}/thumb.jpg</c>.</summary>
    public string Key => Id.ToString("N");

    public static Photo Create(Guid venueId, Guid? offeringId, int width, int height, Guid uploadedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        VenueId = venueId,
        OfferingId = offeringId,
        Width = width,
        Height = height,
        UploadedBy = uploadedBy,
        CreatedAt = now,
    };
}

/// <summary>The sizes a photo is served in.</summary>
public enum PhotoSize
{
    /// <summary>At most 400 px wide, for cards and galleries' strips.</summary>
    Thumb,

    /// <summary>At most 1600 px wide.</summary>
    Large,
}

public static class PhotoErrors
{
    public static readonly Error NotFound = Error.NotFound("not_found", "The photo does not exist.");

    public static readonly Error TooMany = Error.Conflict(
        "too_many_photos", $"A venue or offering has at most {Photo.MaxPerSubject} photos; delete one first.");

    public static readonly Error Empty = Error.Validation("file", "The file is empty.");

    public static Error TooManyBytes(long max) => Error.TooLarge("file_too_large", "file", $"The file is larger than {max / 1024 / 1024} MB.");

    public static Error TooManyPixels(int width, int height) => Error.TooLarge(
        "image_too_large", "file", $"The image is {width} × {height} pixels; at most 12,000 px a side and 50 megapixels are accepted.");

    public static readonly Error UnsupportedType = Error.UnsupportedMediaType(
        "unsupported_media_type", "file", "Only JPEG, PNG and WebP images are accepted (judged by the content, not the file name).");

    public static readonly Error Unreadable = Error.Invalid(
        "image_unreadable", "file", "The image could not be read: the file is damaged or not a complete picture.");
}
