using BananTourism.Domain.Offerings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class SlotConfiguration : IEntityTypeConfiguration<Slot>
{
    public void Configure(EntityTypeBuilder<Slot> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ClosedReason).HasMaxLength(500);
        builder.HasOne<Offering>().WithMany().HasForeignKey(s => s.OfferingId).OnDelete(DeleteBehavior.Restrict);

        // One session per offering, day and start: re-running a schedule finds the slot instead of doubling it.
        builder.HasIndex(s => new { s.OfferingId, s.Date, s.Start }).IsUnique();
        builder.HasIndex(s => new { s.Date, s.OfferingId });
        builder.ToTable(t => t.HasCheckConstraint("CK_Slots_Reserved", "\"Reserved\" >= 0 AND \"Reserved\" <= \"Capacity\""));
    }
}
