using BananTourism.Application.Catalog;
using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Venues;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Venues.CreateVenue;

/// <summary>An operator opens a new venue in a village; it belongs to them.</summary>
[Allowed(Caller.Operator)]
public sealed record CreateVenue(VenueBody Body) : ICommand<Result<VenueSummary>>;

public sealed class CreateVenueHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateVenue, Result<VenueSummary>>
{
    public async ValueTask<Result<VenueSummary>> Handle(CreateVenue command, CancellationToken ct)
    {
        var township = await db.Villages.Where(v => v.Id == command.Body.VillageId).Select(v => (Guid?)v.TownshipId).SingleOrDefaultAsync(ct);
        if (township is null)
        {
            return VenueErrors.UnknownVillage;
        }

        var venue = Venue.Create(currentUser.Me(), command.Body.VillageId, command.Body.ToDetails(), clock.GetUtcNow());
        db.Venues.Add(venue);
        await db.SaveChangesAsync(ct);
        return venue.ToSummary(township.Value);
    }
}

public sealed class CreateVenueValidator : AbstractValidator<CreateVenue>
{
    public CreateVenueValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new VenueBodyValidator());
}
