using BananTourism.Application.Common;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using BananTourism.Application.Common.Security;

namespace BananTourism.Application.Offerings.UpdateOffering;

/// <summary>An operator edits an offering. Existing bookings keep the price and policy they were made with.</summary>
[Allowed(Caller.Operator)]
public sealed record UpdateOffering(Guid Id, OfferingBody Body) : ICommand<Result<OperatorOffering>>;

public sealed class UpdateOfferingHandler(IAppDbContext db, ICurrentUser currentUser)
    : ICommandHandler<UpdateOffering, Result<OperatorOffering>>
{
    public async ValueTask<Result<OperatorOffering>> Handle(UpdateOffering command, CancellationToken ct)
    {
        var offering = await db.OwnedOfferings(currentUser).SingleOrDefaultAsync(o => o.Id == command.Id, ct);
        if (offering is null)
        {
            return OfferingErrors.NotFound;
        }

        var updated = offering.Update(command.Body.Kind, command.Body.ToDetails(offering.Units));
        if (!updated.IsSuccess)
        {
            return Result<OperatorOffering>.Failure(updated.Errors);
        }

        await db.SaveChangesAsync(ct);
        return OperatorOffering.From(offering);
    }
}

public sealed class UpdateOfferingValidator : AbstractValidator<UpdateOffering>
{
    public UpdateOfferingValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new OfferingBodyValidator());
}
