using BananTourism.Domain.Common;

namespace BananTourism.Domain.Reviews;

/// <summary>点评: what a tourist who came (a checked-in booking) says of an offering, once per booking. The venue's
/// operator may answer once (and edit the answer); an admin may hide it — kept, with who hid it and why, and out of
/// the offering's average while hidden.</summary>
public sealed class Review
{
    public const int MaxTextLength = 1000;

    private Review()
    {
    }

    public Guid Id { get; private set; }

    public Guid BookingId { get; private set; }

    public Guid OfferingId { get; private set; }

    public Guid VenueId { get; private set; }

    public Guid TouristId { get; private set; }

    /// <summary>1 to 5 stars.</summary>
    public int Rating { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>The booking's contact name at the time, shown masked (张**).</summary>
    public string AuthorName { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public string? Reply { get; private set; }

    public DateTimeOffset? RepliedAt { get; private set; }

    public DateTimeOffset? HiddenAt { get; private set; }

    public Guid? HiddenBy { get; private set; }

    public string? HiddenReason { get; private set; }

    public bool Hidden => HiddenAt is not null;

    public static Review Create(Guid bookingId, Guid offeringId, Guid venueId, Guid touristId, int rating, string text, string authorName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        BookingId = bookingId,
        OfferingId = offeringId,
        VenueId = venueId,
        TouristId = touristId,
        Rating = rating,
        Text = text.Trim(),
        AuthorName = authorName.Trim(),
        CreatedAt = now,
    };

    public void Answer(string text, DateTimeOffset now)
    {
        Reply = text.Trim();
        RepliedAt = now;
    }

    /// <summary>True when this hid it (false: it was hidden already, nothing changes).</summary>
    public bool Hide(Guid by, string reason, DateTimeOffset now)
    {
        if (Hidden)
        {
            return false;
        }

        HiddenAt = now;
        HiddenBy = by;
        HiddenReason = reason.Trim();
        return true;
    }

    /// <summary>The author as shown to everyone: the first character and a star for each of the rest (at least two),
    /// so neither a full name nor its length is given away.</summary>
    public static string Mask(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return "游客";
        }

        var first = char.IsSurrogate(trimmed[0]) && trimmed.Length > 1 ? trimmed[..2] : trimmed[..1];
        return first + "**";
    }
}

public static class ReviewErrors
{
    public static readonly Error NotFound = Error.NotFound("not_found", "The review does not exist.");

    public static readonly Error NotReviewable = Error.Conflict(
        "not_reviewable", "Only a booking checked in at the gate can be reviewed, once.");
}
