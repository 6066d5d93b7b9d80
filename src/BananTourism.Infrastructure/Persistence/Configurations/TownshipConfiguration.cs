using BananTourism.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class TownshipConfiguration : IEntityTypeConfiguration<Township>
{
    public void Configure(EntityTypeBuilder<Township> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.NameEn).HasMaxLength(100);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasMany(t => t.Villages).WithOne().HasForeignKey(v => v.TownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Villages).HasField("_villages");
    }
}
