using BananTourism.Domain.Geography;
using BananTourism.Domain.Users;
using BananTourism.Domain.Venues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.NameEn).HasMaxLength(200);
        builder.Property(v => v.Description).HasMaxLength(4000);
        builder.Property(v => v.DescriptionEn).HasMaxLength(4000);
        builder.Ignore(v => v.Location);
        builder.Ignore(v => v.Crowd);
        builder.Property(v => v.CrowdBusy).HasPrecision(4, 3).HasDefaultValue(CrowdThresholds.Default.Busy);
        builder.Property(v => v.CrowdCrowded).HasPrecision(4, 3).HasDefaultValue(CrowdThresholds.Default.Crowded);
        builder.Ignore(v => v.CategoryList);
        builder.HasOne<User>().WithMany().HasForeignKey(v => v.OperatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Village>().WithMany().HasForeignKey(v => v.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => v.OperatorId);
        builder.HasIndex(v => new { v.VillageId, v.Name });
        builder.HasIndex(v => v.Name);
    }
}
