using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paddock.Core.Blueprints.Catalog;
using Paddock.Core.Environments;
using Paddock.Core.Projects;
using Paddock.Core.Stacks;

namespace Paddock.Data.Stacks;

internal sealed class StackConfiguration : IEntityTypeConfiguration<Stack>
{
    public void Configure(EntityTypeBuilder<Stack> builder)
    {
        builder.ToTable("stacks");
        builder.Ignore(s => s.Identity);
        builder.Property(s => s.Name).HasMaxLength(60).IsRequired();
        builder.Property(s => s.Inputs).HasJsonConversion();
        builder.Property(s => s.Replicas).HasJsonConversion();
        builder.HasIndex(s => new { s.ProjectId, s.Name });
        builder.HasIndex(s => new { s.Status, s.ExpiresAt });
        builder.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        // An environment or blueprint in use by a stack cannot be deleted (the handlers say so first).
        builder.HasOne<ProjectEnvironment>().WithMany().HasForeignKey(s => s.EnvironmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Blueprint>().WithMany().HasForeignKey(s => s.BlueprintId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Version).IsXminRowVersion();
    }
}

internal sealed class OperationConfiguration : IEntityTypeConfiguration<Operation>
{
    public void Configure(EntityTypeBuilder<Operation> builder)
    {
        builder.ToTable("operations");
        builder.Ignore(o => o.StepsTotal);
        builder.Ignore(o => o.IsActive);
        builder.Property(o => o.Parameters).HasJsonConversion();
        builder.Property(o => o.Plan).HasJsonConversion();
        builder.Property(o => o.PlanHash).HasMaxLength(64);
        builder.HasIndex(o => new { o.StackId, o.CreatedAt });
        builder.HasOne<Stack>().WithMany().HasForeignKey(o => o.StackId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.Version).IsXminRowVersion();
    }
}

internal sealed class OperationStepConfiguration : IEntityTypeConfiguration<OperationStep>
{
    public void Configure(EntityTypeBuilder<OperationStep> builder)
    {
        builder.ToTable("operation_steps");
        builder.Property(s => s.Resource).HasMaxLength(120);
        builder.Property(s => s.Status).HasMaxLength(20);
        builder.HasIndex(s => s.OperationId);
        builder.HasOne<Operation>().WithMany().HasForeignKey(s => s.OperationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrphanedStackConfiguration : IEntityTypeConfiguration<OrphanedStack>
{
    public void Configure(EntityTypeBuilder<OrphanedStack> builder)
    {
        builder.ToTable("orphaned_stacks");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(120);
    }
}
