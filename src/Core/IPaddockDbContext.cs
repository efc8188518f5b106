using Microsoft.EntityFrameworkCore;
using Paddock.Core.Audit;
using Paddock.Core.Blueprints.Catalog;
using Paddock.Core.Environments;
using Paddock.Core.Events;
using Paddock.Core.Identity;
using Paddock.Core.Identity.ServiceAccounts;
using Paddock.Core.Identity.Tokens;
using Paddock.Core.Notifications;
using Paddock.Core.Projects;
using Paddock.Core.Providers;
using Paddock.Core.Stacks;

namespace Paddock.Core;

/// <summary>The application's view of the database: handlers use these sets directly (no repositories).</summary>
public interface IPaddockDbContext
{
    DbSet<PaddockUser> Users { get; }

    DbSet<Project> Projects { get; }

    DbSet<ProjectMember> ProjectMembers { get; }

    DbSet<ProjectEnvironment> Environments { get; }

    DbSet<AuditEvent> AuditEvents { get; }

    DbSet<Blueprint> Blueprints { get; }

    DbSet<BlueprintVersion> BlueprintVersions { get; }

    DbSet<Stack> Stacks { get; }

    DbSet<Operation> Operations { get; }

    DbSet<OperationStep> OperationSteps { get; }

    DbSet<OrphanedStack> OrphanedStacks { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<ProviderAccount> ProviderAccounts { get; }

    DbSet<NotificationChannel> NotificationChannels { get; }

    DbSet<NotificationRule> NotificationRules { get; }

    DbSet<NotificationTemplate> NotificationTemplates { get; }

    DbSet<WebhookSubscription> WebhookSubscriptions { get; }

    DbSet<Delivery> Deliveries { get; }

    DbSet<DeliveryAttempt> DeliveryAttempts { get; }

    DbSet<Approvals.ApprovalPolicy> ApprovalPolicies { get; }

    DbSet<Approvals.ApprovalRequest> ApprovalRequests { get; }

    DbSet<Approvals.ApprovalDecision> ApprovalDecisions { get; }

    DbSet<Approvals.ApprovalLink> ApprovalLinks { get; }

    DbSet<Budgets.Budget> Budgets { get; }

    DbSet<Budgets.BudgetReservation> BudgetReservations { get; }

    DbSet<Budgets.CostEntry> CostEntries { get; }

    DbSet<Costs.RateCard> RateCards { get; }

    DbSet<ApiToken> ApiTokens { get; }

    DbSet<ServiceAccount> ServiceAccounts { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>To start over on fresh rows after a concurrency conflict with a background job.</summary>
    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }
}
