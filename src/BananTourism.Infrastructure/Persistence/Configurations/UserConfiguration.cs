using BananTourism.Domain.Geography;
using BananTourism.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(254);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.Phone).HasMaxLength(20);
        builder.Property(u => u.VerifiedPhone).HasMaxLength(20);
        builder.Property(u => u.SecurityStamp).HasMaxLength(32);

        // One account per verified number; NULLs (not verified) do not collide, on SQLite nor, by EF's filter, on SQL Server.
        builder.HasIndex(u => u.VerifiedPhone).IsUnique();
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.HasOne<Township>().WithMany().HasForeignKey(u => u.TownshipId).OnDelete(DeleteBehavior.Restrict);
    }
}
