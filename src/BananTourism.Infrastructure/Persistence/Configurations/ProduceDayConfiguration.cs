using BananTourism.Domain.Offerings;
using BananTourism.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class ProduceDayConfiguration : IEntityTypeConfiguration<ProduceDay>
{
    public void Configure(EntityTypeBuilder<ProduceDay> builder)
    {
        builder.HasKey(d => new { d.OfferingId, d.Date, d.ProduceId });
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.HasOne<Offering>().WithMany().HasForeignKey(d => d.OfferingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.Date);
    }
}
