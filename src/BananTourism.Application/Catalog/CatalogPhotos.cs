using BananTourism.Application.Common;
using BananTourism.Application.Media.UploadPhoto;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Catalog;

/// <summary>A photo as a card or gallery links it.</summary>
public sealed record PhotoRef(Guid Id, string Url, string ThumbUrl)
{
    public static PhotoRef Of(Guid id) => new(id, PhotoUrls.Large(id), PhotoUrls.Thumb(id));
}

/// <summary>The photos of a page of venues or offerings in one read each, oldest first (the first is the cover).</summary>
public static class CatalogPhotos
{
    public static async Task<Dictionary<Guid, IReadOnlyList<PhotoRef>>> OfVenuesAsync(IAppDbContext db, IReadOnlyCollection<Guid> venueIds, CancellationToken ct)
    {
        if (venueIds.Count == 0)
        {
            return [];
        }

        var rows = await db.Photos.AsNoTracking()
            .Where(p => venueIds.Contains(p.VenueId) && p.OfferingId == null)
            .OrderBy(p => p.CreatedAt).Select(p => new { p.VenueId, p.Id })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.VenueId).ToDictionary(g => g.Key, g => (IReadOnlyList<PhotoRef>)g.Select(r => PhotoRef.Of(r.Id)).ToList());
    }

    public static async Task<Dictionary<Guid, IReadOnlyList<PhotoRef>>> OfOfferingsAsync(IAppDbContext db, IReadOnlyCollection<Guid> offeringIds, CancellationToken ct)
    {
        if (offeringIds.Count == 0)
        {
            return [];
        }

        var rows = await db.Photos.AsNoTracking()
            .Where(p => p.OfferingId != null && offeringIds.Contains(p.OfferingId.Value))
            .OrderBy(p => p.CreatedAt).Select(p => new { OfferingId = p.OfferingId!.Value, p.Id })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.OfferingId).ToDictionary(g => g.Key, g => (IReadOnlyList<PhotoRef>)g.Select(r => PhotoRef.Of(r.Id)).ToList());
    }

    public static IReadOnlyList<PhotoRef> For(this Dictionary<Guid, IReadOnlyList<PhotoRef>> photos, Guid id) => photos.GetValueOrDefault(id) ?? [];
}
