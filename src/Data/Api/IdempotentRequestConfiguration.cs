using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paddock.Core.Common;

namespace Paddock.Data.Api;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("idempotent_requests");
        builder.Property(r => r.Key).HasMaxLength(200).IsRequired();
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.Property(r => r.Location).HasMaxLength(400);
        // The guarantee itself: two requests with one key cannot both insert, so only one of them runs.
        builder.HasIndex(r => new { r.CallerId, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
