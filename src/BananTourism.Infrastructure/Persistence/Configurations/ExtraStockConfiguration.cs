using BananTourism.Domain.Offerings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class ExtraStockConfiguration : IEntityTypeConfiguration<ExtraStock>
{
    public void Configure(EntityTypeBuilder<ExtraStock> builder) =>
        builder.HasKey(s => new { s.ExtraId, s.SlotId, s.Date });
}
