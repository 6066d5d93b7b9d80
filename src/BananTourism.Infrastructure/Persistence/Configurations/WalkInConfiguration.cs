using BananTourism.Domain.Users;
using BananTourism.Domain.Venues;
using BananTourism.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class WalkInConfiguration : IEntityTypeConfiguration<WalkIn>
{
    public void Configure(EntityTypeBuilder<WalkIn> builder)
    {
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.HasOne<Venue>().WithMany().HasForeignKey(w => w.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(w => w.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.VenueId, w.Date });
    }
}
