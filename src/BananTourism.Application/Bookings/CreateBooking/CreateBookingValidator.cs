using BananTourism.Application.Accounts;
using FluentValidation;

namespace BananTourism.Application.Bookings.CreateBooking;

public sealed class CreateBookingValidator : AbstractValidator<CreateBooking>
{
    public const int MaxNights = 30;
    public const int MaxUnits = 50;
    public const int MaxPeople = 100;
    public const int MaxExtras = 20;

    public CreateBookingValidator()
    {
        RuleFor(c => c.OfferingId).NotEmpty();
        RuleFor(c => c.Adults).InclusiveBetween(1, MaxPeople).WithMessage("A party needs 1 to 100 adults.");
        RuleFor(c => c.Children).InclusiveBetween(0, MaxPeople);
        RuleFor(c => c.PaymentMethod).IsInEnum();
        RuleFor(c => c.Notes).MaximumLength(500);
        RuleFor(c => c.IdempotencyKey).Length(1, 255).Must(k => k!.All(ch => ch is >= '!' and <= '~'))
            .WithMessage("The Idempotency-Key must be 1 to 255 visible ASCII characters.")
            .When(c => c.IdempotencyKey is not null);

        RuleFor(c => c.Extras).Must(e => e!.Count <= MaxExtras).WithMessage($"At most {MaxExtras} extras.").When(c => c.Extras is not null);
        RuleForEach(c => c.Extras).NotNull().ChildRules(extra =>
        {
            extra.RuleFor(e => e.ExtraId).NotEmpty();
            extra.RuleFor(e => e.Quantity).InclusiveBetween(1, MaxPeople);
        });

        RuleFor(c => c.Contact).NotNull().WithMessage("Give a contact name and phone number.");
        When(c => c.Contact is not null, () =>
        {
            RuleFor(c => c.Contact.Name).NotEmpty().MaximumLength(50).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("The name is blank.");
            RuleFor(c => c.Contact.Phone).NotEmpty().ValidPhone();
            RuleFor(c => c.Contact.Email!).MaximumLength(254).EmailAddress().When(c => c.Contact.Email is not null);
        });

        When(c => c.SlotId is not null, () =>
        {
            RuleFor(c => c.SlotId).NotEqual(Guid.Empty);
            RuleFor(c => c.CheckIn).Null().WithMessage("A time-slot booking takes slotId only, no dates.");
            RuleFor(c => c.CheckOut).Null().WithMessage("A time-slot booking takes slotId only, no dates.");
            RuleFor(c => c.Units).Null().WithMessage("A time-slot booking takes slotId only, no units.");
        });

        When(c => c.SlotId is null && (c.CheckIn is not null || c.CheckOut is not null || c.Units is not null), () =>
        {
            RuleFor(c => c.CheckIn).NotNull();
            RuleFor(c => c.CheckOut).NotNull()
                .Must((c, checkOut) => checkOut > c.CheckIn).WithMessage("checkOut must be after checkIn.")
                .Must((c, checkOut) => checkOut!.Value.DayNumber - c.CheckIn!.Value.DayNumber <= MaxNights)
                .WithMessage($"A stay may be at most {MaxNights} nights.")
                .When(c => c.CheckIn is not null);
            RuleFor(c => c.Units).NotNull().InclusiveBetween(1, MaxUnits);
        });
    }
}
