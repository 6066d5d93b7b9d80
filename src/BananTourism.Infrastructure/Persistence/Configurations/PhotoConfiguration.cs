using BananTourism.Domain.Media;
using BananTourism.Domain.Offerings;
using BananTourism.Domain.Users;
using BananTourism.Domain.Venues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Ignore(p => p.Key);
        builder.HasOne<Venue>().WithMany().HasForeignKey(p => p.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offering>().WithMany().HasForeignKey(p => p.OfferingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UploadedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.VenueId, p.OfferingId, p.CreatedAt });
        builder.HasIndex(p => new { p.OfferingId, p.CreatedAt });
    }
}
