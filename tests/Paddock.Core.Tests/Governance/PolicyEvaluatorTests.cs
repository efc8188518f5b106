using Paddock.Core.Approvals;
using Paddock.Core.Budgets;
using Paddock.Core.Identity;
using Paddock.Core.Stacks;

namespace Paddock.Core.Tests.Governance;

/// <summary>The policy evaluation matrix: operations by conditions by roles.</summary>
public sealed class PolicyEvaluatorTests
{
    private static readonly Guid Production = Guid.NewGuid();
    private static readonly Guid Test = Guid.NewGuid();
    private static readonly Guid Requester = Guid.NewGuid();

    public static TheoryData<OperationKind, string, bool> OperationsByConditions()
    {
        var data = new TheoryData<OperationKind, string, bool>();
        foreach (var kind in Enum.GetValues<OperationKind>())
        {
            // The policy covers launch, update and destroy in protected environments only.
            var covered = kind is OperationKind.Launch or OperationKind.Update or OperationKind.Destroy;
            data.Add(kind, "protected", covered);
            data.Add(kind, "unprotected", false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OperationsByConditions))]
    public void A_protected_environment_policy_catches_exactly_the_operations_it_covers_there(OperationKind kind, string environment, bool caught)
    {
        var policy = Policy(new PolicyConditions(EnvironmentProtected: true), OperationKind.Launch, OperationKind.Update, OperationKind.Destroy);

        var requirement = PolicyEvaluator.Evaluate([policy], Facts(kind, isProtected: environment == "protected"));

        (requirement is not null).ShouldBe(caught);
    }

    [Theory]
    [InlineData(100, 99.99, false)]
    [InlineData(100, 100, false)]
    [InlineData(100, 100.01, true)]
    [InlineData(0, 0.01, true)]
    public void A_cost_condition_catches_only_operations_above_the_amount(double above, double monthly, bool caught) =>
        PolicyEvaluator.Catches(Policy(new PolicyConditions(MonthlyCostAbove: (decimal)above)), Facts(OperationKind.Launch, monthly: (decimal)monthly)).ShouldBe(caught);

    [Theory]
    [InlineData(20, 25.0, false)]
    [InlineData(20, 19.5, true)]
    [InlineData(20, -10.0, true)]
    [InlineData(20, null, false)]
    public void A_budget_left_condition_catches_operations_that_leave_less_than_the_percentage(double below, double? left, bool caught) =>
        PolicyEvaluator.Catches(Policy(new PolicyConditions(BudgetLeftBelowPercent: (decimal)below)), Facts(OperationKind.Launch, left: (decimal?)left)).ShouldBe(caught);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void An_unpublished_version_condition_catches_drafts_only(bool published, bool caught) =>
        PolicyEvaluator.Catches(Policy(new PolicyConditions(VersionNotPublished: true)), Facts(OperationKind.Launch, published: published)).ShouldBe(caught);

    [Fact]
    public void Every_condition_a_policy_sets_must_hold()
    {
        var policy = Policy(new PolicyConditions(EnvironmentProtected: true, MonthlyCostAbove: 50));

        PolicyEvaluator.Catches(policy, Facts(OperationKind.Launch, isProtected: true, monthly: 60)).ShouldBeTrue();
        PolicyEvaluator.Catches(policy, Facts(OperationKind.Launch, isProtected: true, monthly: 40)).ShouldBeFalse();
        PolicyEvaluator.Catches(policy, Facts(OperationKind.Launch, isProtected: false, monthly: 60)).ShouldBeFalse();
    }

    [Fact]
    public void An_environment_policy_applies_to_that_environment_only()
    {
        var policy = Policy(new PolicyConditions(), environmentId: Production);

        PolicyEvaluator.Catches(policy, Facts(OperationKind.Launch, environmentId: Production)).ShouldBeTrue();
        PolicyEvaluator.Catches(policy, Facts(OperationKind.Launch, environmentId: Test)).ShouldBeFalse();
    }

    [Fact]
    public void Over_the_soft_threshold_one_approval_is_needed_even_without_policies()
    {
        var requirement = PolicyEvaluator.Evaluate([], Facts(OperationKind.Launch) with { Budget = BudgetVerdict.NeedsApproval });

        requirement.ShouldNotBeNull().Gates.ShouldHaveSingleItem().Name.ShouldBe(PolicyEvaluator.BudgetGateName);
        PolicyEvaluator.Evaluate([], Facts(OperationKind.Launch)).ShouldBeNull();
    }

    [Fact]
    public void The_soonest_timeout_decides_the_outcome()
    {
        var slow = Policy(new PolicyConditions(), timeout: TimeSpan.FromHours(8), outcome: TimeoutOutcome.Approve);
        var fast = Policy(new PolicyConditions(), timeout: TimeSpan.FromHours(1), outcome: TimeoutOutcome.Escalate);

        var requirement = PolicyEvaluator.Evaluate([slow, fast], Facts(OperationKind.Launch))!;

        requirement.Gates.Count.ShouldBe(2);
        requirement.Timeout.ShouldBe(TimeSpan.FromHours(1));
        requirement.TimeoutOutcome.ShouldBe(TimeoutOutcome.Escalate);
    }

    public static TheoryData<ProjectRole?, ProjectRole, bool> GateRoles()
    {
        var data = new TheoryData<ProjectRole?, ProjectRole, bool>();
        foreach (var role in Enum.GetValues<ProjectRole>())
        {
            // No role named: whoever holds approvals.decide (admins and approvers).
            data.Add(null, role, role.Grants(Permission.ApprovalsDecide));
            data.Add(ProjectRole.Approver, role, role == ProjectRole.Approver);
            data.Add(ProjectRole.Operator, role, role == ProjectRole.Operator);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GateRoles))]
    public void A_gate_counts_exactly_the_roles_it_names(ProjectRole? gateRole, ProjectRole deciderRole, bool counts)
    {
        var gate = new ApprovalGate(null, "gate", 1, gateRole, [], false);

        gate.Counts(Approver(deciderRole), Requester).ShouldBe(counts);
    }

    [Fact]
    public void Named_users_count_whatever_their_role_and_escalation_adds_the_project_admins()
    {
        var named = Guid.NewGuid();
        var gate = new ApprovalGate(null, "gate", 1, ProjectRole.Approver, [named], false);

        gate.Counts(new ApproverFacts(named, ProjectRole.Viewer, false, false), Requester).ShouldBeTrue();
        gate.Counts(Approver(ProjectRole.ProjectAdmin), Requester).ShouldBeFalse();
        (gate with { Escalated = true }).Counts(Approver(ProjectRole.ProjectAdmin), Requester).ShouldBeTrue();
    }

    [Fact]
    public void Self_approval_never_counts_unless_the_policy_allows_it()
    {
        var self = new ApproverFacts(Requester, ProjectRole.ProjectAdmin, false, true);

        new ApprovalGate(null, "gate", 1, null, [], AllowSelfApproval: false).Counts(self, Requester).ShouldBeFalse();
        new ApprovalGate(null, "gate", 1, null, [], AllowSelfApproval: true).Counts(self, Requester).ShouldBeTrue();
    }

    [Fact]
    public void Two_of_m_needs_two_different_eligible_people_for_every_gate()
    {
        var gates = new[] { new ApprovalGate(null, "two approvers", 2, ProjectRole.Approver, [], false), new ApprovalGate(null, "budget", 1, null, [], false) };
        var first = Approver(ProjectRole.Approver);
        var second = Approver(ProjectRole.Approver);

        PolicyEvaluator.IsSatisfied(gates, [first], Requester).ShouldBeFalse();
        PolicyEvaluator.IsSatisfied(gates, [first, first], Requester).ShouldBeFalse();
        PolicyEvaluator.IsSatisfied(gates, [first, second], Requester).ShouldBeTrue();
        PolicyEvaluator.IsSatisfied(gates, [first, new ApproverFacts(Requester, ProjectRole.Approver, false, true)], Requester).ShouldBeFalse();
    }

    private static ApproverFacts Approver(ProjectRole role) => new(Guid.NewGuid(), role, false, role.Grants(Permission.ApprovalsDecide));

    private static OperationFacts Facts(OperationKind kind, bool isProtected = false, decimal monthly = 10, decimal? left = null, bool published = true,
        Guid? environmentId = null) => new(kind, environmentId ?? Test, isProtected, monthly, left, published);

    private static ApprovalPolicy Policy(PolicyConditions conditions, params OperationKind[] kinds) =>
        Policy(conditions, null, null, TimeoutOutcome.Reject, kinds);

    private static ApprovalPolicy Policy(PolicyConditions conditions, Guid? environmentId = null, TimeSpan? timeout = null, TimeoutOutcome outcome = TimeoutOutcome.Reject,
        params OperationKind[] kinds) =>
        ApprovalPolicy.Create(Guid.NewGuid(), new PolicySettings($"policy-{Guid.NewGuid():N}", environmentId, kinds.Length > 0 ? kinds : [OperationKind.Launch], conditions, 1,
            null, [], false, timeout, outcome), DateTimeOffset.UnixEpoch);
}
