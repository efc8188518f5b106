using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paddock.Core.Approvals;
using Paddock.Core.Projects;
using Paddock.Core.Stacks;

namespace Paddock.Data.Approvals;

internal sealed class ApprovalPolicyConfiguration : IEntityTypeConfiguration<ApprovalPolicy>
{
    public void Configure(EntityTypeBuilder<ApprovalPolicy> builder)
    {
        builder.ToTable("approval_policies");
        builder.Property(p => p.Name).HasMaxLength(80).IsRequired();
        builder.Property(p => p.Operations).HasJsonConversion();
        builder.Property(p => p.Conditions).HasJsonConversion();
        builder.Property(p => p.ApproverUserIds).HasJsonConversion();
        builder.HasIndex(p => p.ProjectId);
        builder.HasOne<Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Version).IsXminRowVersion();
    }
}

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> builder)
    {
        builder.ToTable("approval_requests");
        builder.Ignore(r => r.IsPending);
        builder.Property(r => r.PlanHash).HasMaxLength(64);
        builder.Property(r => r.InputsHash).HasMaxLength(64);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.Gates).HasJsonConversion();
        builder.HasIndex(r => new { r.Status, r.Deadline });
        builder.HasIndex(r => new { r.ProjectId, r.Status });
        builder.HasIndex(r => r.OperationId).IsUnique();
        builder.HasOne<Operation>().WithMany().HasForeignKey(r => r.OperationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Version).IsXminRowVersion();
    }
}

internal sealed class ApprovalDecisionConfiguration : IEntityTypeConfiguration<ApprovalDecision>
{
    public void Configure(EntityTypeBuilder<ApprovalDecision> builder)
    {
        builder.ToTable("approval_decisions");
        builder.Ignore(d => d.Facts);
        builder.Property(d => d.Reason).HasMaxLength(1000);
        builder.Property(d => d.PlanHash).HasMaxLength(64);
        builder.Property(d => d.Via).HasMaxLength(10);
        builder.HasIndex(d => d.RequestId);
        builder.HasOne<ApprovalRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApprovalLinkConfiguration : IEntityTypeConfiguration<ApprovalLink>
{
    public void Configure(EntityTypeBuilder<ApprovalLink> builder)
    {
        builder.ToTable("approval_links");
        builder.Property(l => l.PlanHash).HasMaxLength(64);
        builder.HasIndex(l => l.RequestId);
        builder.HasOne<ApprovalRequest>().WithMany().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Version).IsXminRowVersion();
    }
}
