using BananTourism.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BananTourism.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.DedupKey).HasMaxLength(OutboxMessage.DedupKeyLength);
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.Property(m => m.Template).HasMaxLength(OutboxMessage.TemplateLength);
        builder.Property(m => m.To).HasMaxLength(OutboxMessage.ToLength);
        builder.Property(m => m.Language).HasMaxLength(2);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorLength);
        builder.Property(m => m.Subject).HasMaxLength(300);
        // The dispatcher's question: what is pending and due?
        builder.HasIndex(m => new { m.Status, m.DueAt });
        builder.HasIndex(m => new { m.UserId, m.CreatedAt });
        builder.HasIndex(m => m.BookingId);
        builder.Property(m => m.LeaseOwner);
    }
}
