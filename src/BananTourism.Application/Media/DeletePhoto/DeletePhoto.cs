using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Media;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Media.DeletePhoto;

/// <summary>An operator removes a picture of their venue or offerings: the row first, then the stored sizes (a size
/// left behind by a failure in between is unreachable, never a broken picture on a page).</summary>
[Allowed(Caller.Operator)]
public sealed record DeletePhoto(Guid Id) : ICommand<Result<Success>>;

public sealed class DeletePhotoHandler(IAppDbContext db, ICurrentUser currentUser, IMediaStore store)
    : ICommandHandler<DeletePhoto, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(DeletePhoto command, CancellationToken ct)
    {
        var photo = await db.Photos.SingleOrDefaultAsync(p => p.Id == command.Id && db.OwnedVenues(currentUser).Any(v => v.Id == p.VenueId), ct);
        if (photo is null)
        {
            return PhotoErrors.NotFound;
        }

        db.Photos.Remove(photo);
        await db.SaveChangesAsync(ct);
        await store.DeletePhotoAsync(photo.Id);
        return Success.Value;
    }
}
