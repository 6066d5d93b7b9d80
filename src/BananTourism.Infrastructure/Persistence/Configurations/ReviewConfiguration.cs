using BananTourism.Domain.Bookings;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Reviews;
using BananTourism.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Text).HasMaxLength(Review.MaxTextLength);
        builder.Property(r => r.AuthorName).HasMaxLength(100);
        builder.Property(r => r.Reply).HasMaxLength(Review.MaxTextLength);
        builder.Property(r => r.HiddenReason).HasMaxLength(500);
        builder.Ignore(r => r.Hidden);
        builder.HasOne<Booking>().WithMany().HasForeignKey(r => r.BookingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offering>().WithMany().HasForeignKey(r => r.OfferingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.TouristId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.BookingId).IsUnique(); // once per booking, however the requests race
        builder.HasIndex(r => new { r.OfferingId, r.HiddenAt, r.CreatedAt });
        builder.HasIndex(r => new { r.VenueId, r.CreatedAt });
    }
}
