using BananTourism.Domain.Bookings;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Users;
using BananTourism.Domain.Venues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Reference).HasMaxLength(16);
        builder.Property(b => b.VerificationCode).HasMaxLength(16);
        builder.Property(b => b.ContactName).HasMaxLength(50);
        builder.Property(b => b.ContactPhone).HasMaxLength(20);
        builder.Property(b => b.ContactEmail).HasMaxLength(254);
        builder.Property(b => b.Notes).HasMaxLength(500);
        builder.Property(b => b.Language).HasMaxLength(2).IsUnicode(false).HasDefaultValue("zh");
        builder.Property(b => b.CancelReason).HasMaxLength(500);
        builder.Property(b => b.PaymentIntentId).HasMaxLength(255);
        builder.Property(b => b.PaymentClientSecret).HasMaxLength(255);
        builder.Property(b => b.RefundId).HasMaxLength(255);
        builder.Property(b => b.MoveOfferReason).HasMaxLength(200);
        builder.HasIndex(b => b.PaymentIntentId);
        builder.Ignore(b => b.PartySize);
        builder.Ignore(b => b.Policy);
        builder.Ignore(b => b.Dates);
        builder.Ignore(b => b.IsOnlinePayment);
        builder.Ignore(b => b.ExtrasChosen);

        builder.HasOne<User>().WithMany().HasForeignKey(b => b.TouristId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offering>().WithMany().HasForeignKey(b => b.OfferingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Venue>().WithMany().HasForeignKey(b => b.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Slot>().WithMany().HasForeignKey(b => b.SlotId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(b => b.Lines, lines => lines.ToJson());
        builder.Navigation(b => b.Lines).HasField("_lines");

        builder.HasIndex(b => b.Reference).IsUnique();
        builder.HasIndex(b => b.VerificationCode).IsUnique();
        builder.HasIndex(b => new { b.TouristId, b.CreatedAt });
        builder.HasIndex(b => new { b.TouristId, b.Status });
        builder.HasIndex(b => new { b.VenueId, b.Date, b.Status });
        builder.HasIndex(b => new { b.Status, b.ExpiresAt });
        builder.HasIndex(b => new { b.Status, b.MoveOfferUntil });
        builder.HasIndex(b => b.SlotId);
        builder.HasIndex(b => new { b.OfferingId, b.Date });
    }
}
