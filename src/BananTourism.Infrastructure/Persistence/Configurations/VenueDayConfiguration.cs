using BananTourism.Domain.Venues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class VenueDayConfiguration : IEntityTypeConfiguration<VenueDay>
{
    public void Configure(EntityTypeBuilder<VenueDay> builder)
    {
        builder.HasKey(d => new { d.VenueId, d.Date });
        builder.HasIndex(d => d.Date); // today's board reads one date of every venue, each second
        builder.HasOne<Venue>().WithMany().HasForeignKey(d => d.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_VenueDays_Reserved", "\"Reserved\" >= 0");
            t.HasCheckConstraint("CK_VenueDays_WalkIns", "\"WalkIns\" >= 0");
        });
    }
}
