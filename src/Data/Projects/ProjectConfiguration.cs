using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paddock.Core.Identity;
using Paddock.Core.Projects;

namespace Paddock.Data.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("projects");
        builder.Property(p => p.Name).HasMaxLength(80).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(500);
        // Case-insensitive uniqueness, enforced by the database too (the handler checks first for a friendly message).
        builder.HasIndex(p => p.Name).IsUnique().HasDatabaseName("ix_projects_name");
        builder.Property(p => p.Version).IsXminRowVersion();
    }
}

internal sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> builder)
    {
        builder.ToTable("project_members");
        builder.HasIndex(m => new { m.ProjectId, m.UserId }).IsUnique();
        builder.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PaddockUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
