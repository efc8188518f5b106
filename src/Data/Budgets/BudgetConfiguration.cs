using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Paddock.Core.Budgets;
using Paddock.Core.Costs;
using Paddock.Core.Projects;
using Paddock.Core.Stacks;

namespace Paddock.Data.Budgets;

internal sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> builder)
    {
        builder.ToTable("budgets");
        builder.Ignore(b => b.SoftThreshold);
        builder.Ignore(b => b.HardLimit);
        builder.Property(b => b.MonthlyAmount).HasPrecision(18, 4);
        builder.Property(b => b.Currency).HasMaxLength(3);
        // One project budget (environment null) and one per environment: NULLS NOT DISTINCT makes the project's unique too.
        builder.HasIndex(b => new { b.ProjectId, b.EnvironmentId }).IsUnique().AreNullsDistinct(false);
        builder.HasOne<Project>().WithMany().HasForeignKey(b => b.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Core.Environments.ProjectEnvironment>().WithMany().HasForeignKey(b => b.EnvironmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(b => b.Version).IsXminRowVersion();
    }
}

internal sealed class BudgetReservationConfiguration : IEntityTypeConfiguration<BudgetReservation>
{
    public void Configure(EntityTypeBuilder<BudgetReservation> builder)
    {
        builder.ToTable("budget_reservations");
        builder.Ignore(r => r.Remaining);
        builder.Property(r => r.HourlyRate).HasPrecision(18, 6);
        builder.Property(r => r.Amount).HasPrecision(18, 4);
        builder.Property(r => r.Accrued).HasPrecision(18, 4);
        builder.HasIndex(r => new { r.ProjectId, r.Month, r.ReleasedAt });
        builder.HasIndex(r => r.StackId);
        builder.HasOne<Stack>().WithMany().HasForeignKey(r => r.StackId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Version).IsXminRowVersion();
    }
}

internal sealed class CostEntryConfiguration : IEntityTypeConfiguration<CostEntry>
{
    public void Configure(EntityTypeBuilder<CostEntry> builder)
    {
        builder.ToTable("cost_entries");
        builder.Property(e => e.Amount).HasPrecision(18, 4);
        builder.HasIndex(e => new { e.ProjectId, e.Month });
        // Spend outlives the stack's row: showback of a month keeps what destroyed stacks cost.
        builder.HasIndex(e => e.StackId);
    }
}

internal sealed class RateCardConfiguration : IEntityTypeConfiguration<RateCard>
{
    public void Configure(EntityTypeBuilder<RateCard> builder)
    {
        builder.ToTable("rate_cards");
        builder.Property(c => c.Name).HasMaxLength(80).IsRequired();
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.CpuHour).HasPrecision(18, 6);
        builder.Property(c => c.GibHour).HasPrecision(18, 6);
        builder.Property(c => c.DefaultCpu).HasPrecision(10, 3);
        builder.Property(c => c.DefaultMemoryGib).HasPrecision(10, 3);
        builder.Property(c => c.InstanceTypes).HasJsonConversion();
        builder.HasIndex(c => c.ProviderAccountId).IsUnique().AreNullsDistinct(false);
        // A provider account's own card goes with the account.
        builder.HasOne<Core.Providers.ProviderAccount>().WithMany().HasForeignKey(c => c.ProviderAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Version).IsXminRowVersion();
    }
}
