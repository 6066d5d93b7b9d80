using BananTourism.Application.Catalog;
using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Venues.UpdateVenue;

/// <summary>An operator edits their venue.</summary>
[Allowed(Caller.Operator)]
public sealed record UpdateVenue(Guid Id, VenueBody Body) : ICommand<Result<VenueSummary>>;

public sealed class UpdateVenueHandler(IAppDbContext db, ICurrentUser currentUser)
    : ICommandHandler<UpdateVenue, Result<VenueSummary>>
{
    public async ValueTask<Result<VenueSummary>> Handle(UpdateVenue command, CancellationToken ct)
    {
        var venue = await db.OwnedVenues(currentUser).SingleOrDefaultAsync(v => v.Id == command.Id, ct);
        if (venue is null)
        {
            return VenueErrors.NotFound;
        }

        var township = await db.Villages.Where(v => v.Id == command.Body.VillageId).Select(v => (Guid?)v.TownshipId).SingleOrDefaultAsync(ct);
        if (township is null)
        {
            return VenueErrors.UnknownVillage;
        }

        venue.Update(command.Body.VillageId, command.Body.ToDetails());
        await db.SaveChangesAsync(ct);
        return venue.ToSummary(township.Value);
    }
}

public sealed class UpdateVenueValidator : AbstractValidator<UpdateVenue>
{
    public UpdateVenueValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new VenueBodyValidator());
}
