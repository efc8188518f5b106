using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paddock.Core.Blueprints.Catalog;
using Paddock.Core.Projects;

namespace Paddock.Data.Blueprints;

internal sealed class BlueprintConfiguration : IEntityTypeConfiguration<Blueprint>
{
    public void Configure(EntityTypeBuilder<Blueprint> builder)
    {
        builder.ToTable("blueprints");
        builder.Property(b => b.Name).HasMaxLength(40).IsRequired();
        builder.Property(b => b.Description).HasMaxLength(500);
        builder.Property(b => b.Tags).HasColumnType("text[]");
        builder.Property(b => b.Layout).HasJsonConversion();
        builder.HasIndex(b => new { b.ProjectId, b.Name }).IsUnique();
        builder.HasOne<Project>().WithMany().HasForeignKey(b => b.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(b => b.Version).IsXminRowVersion();
    }
}

internal sealed class BlueprintVersionConfiguration : IEntityTypeConfiguration<BlueprintVersion>
{
    public void Configure(EntityTypeBuilder<BlueprintVersion> builder)
    {
        builder.ToTable("blueprint_versions");
        builder.Property(v => v.ContentHash).HasMaxLength(64).IsRequired();
        builder.Property(v => v.Message).HasMaxLength(500);
        builder.HasIndex(v => new { v.BlueprintId, v.Number }).IsUnique();
        builder.HasOne<Blueprint>().WithMany().HasForeignKey(v => v.BlueprintId).OnDelete(DeleteBehavior.Cascade);
    }
}
