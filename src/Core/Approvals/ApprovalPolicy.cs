using Paddock.Core.Audit;
using Paddock.Core.Identity;
using Paddock.Core.Stacks;

namespace Paddock.Core.Approvals;

/// <summary>
/// Which operations need approval, when, and from whom. A policy catches an operation when the operation's kind is one
/// it covers and every condition it sets holds (a policy without conditions catches every covered operation).
/// </summary>
public sealed class ApprovalPolicy : IAudited
{
    private ApprovalPolicy()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    /// <summary>Null for every environment of the project.</summary>
    public Guid? EnvironmentId { get; private set; }

    public string Name { get; private set; } = "";

    public List<OperationKind> Operations { get; private set; } = [];

    public PolicyConditions Conditions { get; private set; } = new();

    public int RequiredApprovals { get; private set; } = 1;

    /// <summary>Members in this role may approve; null with no named users: anyone who may decide approvals in the project.</summary>
    public ProjectRole? ApproverRole { get; private set; }

    public List<Guid> ApproverUserIds { get; private set; } = [];

    public bool AllowSelfApproval { get; private set; }

    public TimeSpan? Timeout { get; private set; }

    public TimeoutOutcome TimeoutOutcome { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    [AuditIgnored]
    public uint Version { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public static ApprovalPolicy Create(Guid projectId, PolicySettings settings, DateTimeOffset now)
    {
        var policy = new ApprovalPolicy { ProjectId = projectId, CreatedAt = now };
        policy.Apply(settings);
        return policy;
    }

    public void Apply(PolicySettings settings)
    {
        Name = settings.Name.Trim();
        EnvironmentId = settings.EnvironmentId;
        Operations = [.. settings.Operations.Distinct()];
        Conditions = settings.Conditions;
        RequiredApprovals = settings.RequiredApprovals;
        ApproverRole = settings.ApproverRole;
        ApproverUserIds = [.. settings.ApproverUserIds.Distinct()];
        AllowSelfApproval = settings.AllowSelfApproval;
        Timeout = settings.Timeout;
        TimeoutOutcome = settings.TimeoutOutcome;
    }
}

/// <param name="EnvironmentProtected">The environment is protected.</param>
/// <param name="MonthlyCostAbove">The operation's estimated monthly cost is above this amount.</param>
/// <param name="BudgetLeftBelowPercent">Less than this percentage of the budget is left after the operation.</param>
/// <param name="VersionNotPublished">The blueprint version is not published (a draft or deprecated).</param>
public sealed record PolicyConditions(bool EnvironmentProtected = false, decimal? MonthlyCostAbove = null, decimal? BudgetLeftBelowPercent = null,
    bool VersionNotPublished = false)
{
    public bool IsEmpty => !EnvironmentProtected && MonthlyCostAbove is null && BudgetLeftBelowPercent is null && !VersionNotPublished;
}

public enum TimeoutOutcome
{
    Reject,
    Approve,
    Escalate,
}

public sealed record PolicySettings(string Name, Guid? EnvironmentId, IReadOnlyList<OperationKind> Operations, PolicyConditions Conditions, int RequiredApprovals,
    ProjectRole? ApproverRole, IReadOnlyList<Guid> ApproverUserIds, bool AllowSelfApproval, TimeSpan? Timeout, TimeoutOutcome TimeoutOutcome);
