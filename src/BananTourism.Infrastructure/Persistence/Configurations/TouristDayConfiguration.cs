using BananTourism.Domain.Bookings;
using BananTourism.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class TouristDayConfiguration : IEntityTypeConfiguration<TouristDay>
{
    public void Configure(EntityTypeBuilder<TouristDay> builder)
    {
        builder.HasKey(d => new { d.TouristId, d.Date });
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.TouristId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_TouristDays_PayOnArrivalPeople", "\"PayOnArrivalPeople\" >= 0"));
    }
}
