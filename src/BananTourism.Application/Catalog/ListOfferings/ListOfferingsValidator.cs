using BananTourism.Application.Common;
using FluentValidation;

namespace BananTourism.Application.Catalog.ListOfferings;

public sealed class ListOfferingsValidator : AbstractValidator<ListOfferings>
{
    public ListOfferingsValidator()
    {
        this.RulesForPaging();
        RuleFor(q => q.Category).IsInEnum();
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.PartySize).InclusiveBetween(1, 500);
        RuleFor(q => q.PartySize).Null().When(q => q.Date is null).WithMessage("partySize needs a date.");
        RuleFor(q => q.Date).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
    }
}
