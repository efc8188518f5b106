using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Paddock.Core;
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

namespace Paddock.Data;

public sealed class PaddockDbContext(DbContextOptions<PaddockDbContext> options)
    : IdentityDbContext<PaddockUser, IdentityRole<Guid>, Guid>(options), IPaddockDbContext, IDataProtectionKeyContext
{
    /// <summary>Cookie and antiforgery keys, shared by every web node so a session works on any of them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();

    public DbSet<ProjectEnvironment> Environments => Set<ProjectEnvironment>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Blueprint> Blueprints => Set<Blueprint>();

    public DbSet<BlueprintVersion> BlueprintVersions => Set<BlueprintVersion>();

    public DbSet<Stack> Stacks => Set<Stack>();

    public DbSet<Operation> Operations => Set<Operation>();

    public DbSet<OperationStep> OperationSteps => Set<OperationStep>();

    public DbSet<OrphanedStack> OrphanedStacks => Set<OrphanedStack>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ProviderAccount> ProviderAccounts => Set<ProviderAccount>();

    public DbSet<Installation> Installation => Set<Installation>();

    public DbSet<NotificationChannel> NotificationChannels => Set<NotificationChannel>();

    public DbSet<NotificationRule> NotificationRules => Set<NotificationRule>();

    public DbSet<NotificationTemplate> NotificationTemplates => Set<NotificationTemplate>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();

    public DbSet<Core.Approvals.ApprovalPolicy> ApprovalPolicies => Set<Core.Approvals.ApprovalPolicy>();

    public DbSet<Core.Approvals.ApprovalRequest> ApprovalRequests => Set<Core.Approvals.ApprovalRequest>();

    public DbSet<Core.Approvals.ApprovalDecision> ApprovalDecisions => Set<Core.Approvals.ApprovalDecision>();

    public DbSet<Core.Approvals.ApprovalLink> ApprovalLinks => Set<Core.Approvals.ApprovalLink>();

    public DbSet<Core.Budgets.Budget> Budgets => Set<Core.Budgets.Budget>();

    public DbSet<Core.Budgets.BudgetReservation> BudgetReservations => Set<Core.Budgets.BudgetReservation>();

    public DbSet<Core.Budgets.CostEntry> CostEntries => Set<Core.Budgets.CostEntry>();

    public DbSet<Core.Costs.RateCard> RateCards => Set<Core.Costs.RateCard>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<ServiceAccount> ServiceAccounts => Set<ServiceAccount>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PaddockDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
