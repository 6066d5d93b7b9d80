using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Offerings.CreateOffering;

/// <summary>An operator adds an offering to one of their venues.</summary>
[Allowed(Caller.Operator)]
public sealed record CreateOffering(Guid VenueId, OfferingBody Body) : ICommand<Result<OperatorOffering>>;

public sealed class CreateOfferingHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateOffering, Result<OperatorOffering>>
{
    public async ValueTask<Result<OperatorOffering>> Handle(CreateOffering command, CancellationToken ct)
    {
        if (!await db.OwnedVenues(currentUser).AnyAsync(v => v.Id == command.VenueId, ct))
        {
            return VenueErrors.NotFound;
        }

        var offering = Offering.Create(command.VenueId, command.Body.Kind, command.Body.ToDetails(), clock.GetUtcNow());
        db.Offerings.Add(offering);
        await db.SaveChangesAsync(ct);
        return OperatorOffering.From(offering);
    }
}

public sealed class CreateOfferingValidator : AbstractValidator<CreateOffering>
{
    public CreateOfferingValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new OfferingBodyValidator());
}
