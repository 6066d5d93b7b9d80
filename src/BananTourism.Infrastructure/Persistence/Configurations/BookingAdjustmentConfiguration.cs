using BananTourism.Domain.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class BookingAdjustmentConfiguration : IEntityTypeConfiguration<BookingAdjustment>
{
    public void Configure(EntityTypeBuilder<BookingAdjustment> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.IntentId).HasMaxLength(255);
        builder.Property(a => a.RefundId).HasMaxLength(255);
        builder.Ignore(a => a.IdempotencyKey);
        builder.HasOne<Booking>().WithMany().HasForeignKey(a => a.BookingId).OnDelete(DeleteBehavior.Restrict);

        // One balance per move, one refund part per move and part: a retried move or refund finds its row again.
        builder.HasIndex(a => new { a.BookingId, a.Kind, a.Occurrence, a.Part }).IsUnique();
        builder.HasIndex(a => a.IntentId);
        builder.HasIndex(a => new { a.Status, a.Kind });
    }
}
