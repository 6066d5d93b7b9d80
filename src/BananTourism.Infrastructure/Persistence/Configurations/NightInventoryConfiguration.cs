using BananTourism.Domain.Offerings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class NightInventoryConfiguration : IEntityTypeConfiguration<NightInventory>
{
    public void Configure(EntityTypeBuilder<NightInventory> builder)
    {
        builder.ToTable("Nights", t => t.HasCheckConstraint("CK_Nights_Reserved", "\"Reserved\" >= 0 AND \"Reserved\" <= \"Units\""));
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.ClosedReason).HasMaxLength(500);
        builder.HasOne<Offering>().WithMany().HasForeignKey(n => n.OfferingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.OfferingId, n.Date }).IsUnique();
        builder.HasIndex(n => new { n.Date, n.OfferingId });
    }
}
