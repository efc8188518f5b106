using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paddock.Core.Events;

namespace Paddock.Data.Events;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Type).HasMaxLength(60).IsRequired();
        builder.Property(m => m.Payload).HasColumnType("jsonb").IsRequired();
        // The dispatcher's queue: the undispatched messages in order, found without scanning the history.
        builder.HasIndex(m => m.OccurredAt).HasFilter("dispatched_at IS NULL");
        builder.HasIndex(m => new { m.ProjectId, m.OccurredAt });
    }
}
