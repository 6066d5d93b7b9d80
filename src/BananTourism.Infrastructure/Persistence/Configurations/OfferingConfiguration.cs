using BananTourism.Domain.Offerings;
using BananTourism.Domain.Venues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class OfferingConfiguration : IEntityTypeConfiguration<Offering>
{
    public void Configure(EntityTypeBuilder<Offering> builder)
    {
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.NameEn).HasMaxLength(200);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.Property(o => o.DescriptionEn).HasMaxLength(4000);
        builder.Property(o => o.SeasonNote).HasMaxLength(200);
        builder.Property(o => o.SeasonNoteEn).HasMaxLength(200);
        builder.Ignore(o => o.Season);
        builder.ComplexProperty(o => o.Prices, prices =>
        {
            prices.Property(p => p.Base).HasColumnName("PriceBase");
            prices.Property(p => p.Child).HasColumnName("PriceChild");
            prices.Property(p => p.Weekend).HasColumnName("PriceWeekend");
            prices.Property(p => p.Holiday).HasColumnName("PriceHoliday");
        });
        builder.ComplexProperty(o => o.CancellationPolicy, policy =>
        {
            policy.Property(p => p.FreeUntilHoursBefore).HasColumnName("FreeCancelHoursBefore");
            policy.Property(p => p.RefundPercentAfter).HasColumnName("RefundPercentAfter");
        });
        builder.ComplexProperty(o => o.PayOnArrival, pay =>
        {
            pay.Property(p => p.Allowed).HasColumnName("PayOnArrivalAllowed");
            pay.Property(p => p.MaxPeople).HasColumnName("PayOnArrivalMaxPeople");
        });
        builder.ComplexProperty(o => o.Units, units =>
        {
            units.Property(u => u.MinPeople).HasColumnName("PeoplePerUnitMin");
            units.Property(u => u.MaxPeople).HasColumnName("PeoplePerUnitMax");
            units.Property(u => u.MaxUnitsPerBooking).HasColumnName("MaxUnitsPerBooking");
        });
        builder.ComplexProperty(o => o.ReschedulePolicy, policy =>
        {
            policy.Property(p => p.FreeUntilHoursBefore).HasColumnName("RescheduleFreeHoursBefore");
            policy.Property(p => p.MaxReschedules).HasColumnName("MaxReschedules");
        });
        builder.OwnsMany(o => o.Extras, extras => extras.ToJson());
        builder.Navigation(o => o.Extras).HasField("_extras");
        builder.OwnsMany(o => o.Produce, produce => produce.ToJson());
        builder.Navigation(o => o.Produce).HasField("_produce");
        builder.HasOne<Venue>().WithMany().HasForeignKey(o => o.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.VenueId, o.Published });
        builder.HasIndex(o => new { o.Published, o.Category, o.Name });
    }
}
