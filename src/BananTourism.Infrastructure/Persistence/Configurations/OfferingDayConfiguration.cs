using BananTourism.Domain.Offerings;
using BananTourism.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class OfferingDayConfiguration : IEntityTypeConfiguration<OfferingDay>
{
    public void Configure(EntityTypeBuilder<OfferingDay> builder)
    {
        builder.HasKey(d => new { d.OfferingId, d.Date });
        builder.HasOne<Offering>().WithMany().HasForeignKey(d => d.OfferingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.Date);
    }
}
