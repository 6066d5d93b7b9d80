using BananTourism.Application.Common;
using FluentValidation;

namespace BananTourism.Application.Catalog.ListVenues;

public sealed class ListVenuesValidator : AbstractValidator<ListVenues>
{
    public ListVenuesValidator()
    {
        this.RulesForPaging();
        RuleFor(q => q.Category).IsInEnum();
        RuleFor(q => q.Q).MaximumLength(100);
    }
}
