using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paddock.Core.Audit;

namespace Paddock.Data.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.Property(e => e.Action).HasMaxLength(80);
        builder.Property(e => e.TargetType).HasMaxLength(80);
        builder.Property(e => e.TargetName).HasMaxLength(200);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.Changes).HasJsonConversion();
        builder.HasIndex(e => new { e.ProjectId, e.Id });
    }
}
