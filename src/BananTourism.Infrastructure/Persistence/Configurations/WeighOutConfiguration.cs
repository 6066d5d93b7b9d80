using BananTourism.Domain.Bookings;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Produce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class WeighOutConfiguration : IEntityTypeConfiguration<WeighOut>
{
    public void Configure(EntityTypeBuilder<WeighOut> builder)
    {
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.PaymentIntentId).HasMaxLength(255);
        builder.Property(w => w.PaymentClientSecret).HasMaxLength(255);
        builder.Ignore(w => w.Counts);
        builder.OwnsMany(w => w.Lines, lines => lines.ToJson());
        builder.Navigation(w => w.Lines).HasField("_lines");
        builder.HasOne<Booking>().WithMany().HasForeignKey(w => w.BookingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offering>().WithMany().HasForeignKey(w => w.OfferingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.BookingId, w.CreatedAt });
        builder.HasIndex(w => w.PaymentIntentId);
        builder.HasIndex(w => new { w.VenueId, w.Date });
    }
}
