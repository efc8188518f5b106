using Paddock.Core.Approvals;
using Paddock.Core.Identity;
using Paddock.Core.Stacks;
using Paddock.Web.Api;
using Paddock.Web.Common;
using Paddock.Web.Identity;

namespace Paddock.Web.Approvals;

internal static class ApprovalEndpoints
{
    public static IEndpointRouteBuilder MapApprovalEndpoints(this IEndpointRouteBuilder app)
    {
        var approvals = app.MapGroup("/api/v1/projects/{projectId:guid}/approvals").WithTags("Approvals");
        approvals.MapGet("/", ListAsync).RequirePermission(Permission.StacksRead);
        // The inbox across projects: the handler keeps the requests of projects the caller can read.
        app.MapGet("/api/v1/approvals", (string? status, string? environment, OperationKind? kind, [AsParameters] ListQuery page, ListApprovals.Handler handler,
            CancellationToken ct) => ListAsync(null, status, environment, kind, page, handler, ct)).WithTags("Approvals").RequireAuthorization();
        approvals.MapGet("/{requestId:guid}", GetAsync).RequirePermission(Permission.StacksRead);
        // Who may decide depends on the request (a policy may name members beyond their role): the handler asks the access
        // control with the request in hand (approvals.decide, or named and the token's approve scope).
        approvals.MapPost("/{requestId:guid}/approve", (Guid projectId, Guid requestId, DecisionRequest request, DecideApproval.Handler handler, CancellationToken ct) =>
            DecideAsync(projectId, requestId, approve: true, request, handler, ct)).RequirePermission(Permission.StacksRead);
        approvals.MapPost("/{requestId:guid}/reject", (Guid projectId, Guid requestId, DecisionRequest request, DecideApproval.Handler handler, CancellationToken ct) =>
            DecideAsync(projectId, requestId, approve: false, request, handler, ct)).RequirePermission(Permission.StacksRead);

        var policies = app.MapGroup("/api/v1/projects/{projectId:guid}/approval-policies").WithTags("Approvals");
        policies.MapGet("/", ListPoliciesAsync).RequirePermission(Permission.ProjectRead);
        policies.MapPost("/", CreatePolicyAsync).RequirePermission(Permission.ProjectManage);
        policies.MapPut("/{policyId:guid}", UpdatePolicyAsync).RequirePermission(Permission.ProjectManage);
        policies.MapDelete("/{policyId:guid}", DeletePolicyAsync).RequirePermission(Permission.ProjectManage);
        return app;
    }

    /// <summary>Pending requests unless <c>status=all</c>; filters by environment and operation kind.</summary>
    private static async Task<IResult> ListAsync(Guid? projectId, string? status, string? environment, OperationKind? kind, [AsParameters] ListQuery page,
        ListApprovals.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, PendingOnly: !string.Equals(status, "all", StringComparison.OrdinalIgnoreCase)), ct))
            .Map(requests => (IReadOnlyList<ApprovalSummary>)[.. requests.Where(r =>
                (environment is null || string.Equals(r.Environment, environment, StringComparison.OrdinalIgnoreCase)) && (kind is null || r.Kind == kind))])
            .ToPage(page, r => r.Id.ToString(), "-createdAt", new Dictionary<string, Func<ApprovalSummary, string>>
            {
                ["createdAt"] = r => Paging.Date(r.CreatedAt),
                ["deadline"] = r => r.Deadline is { } at ? Paging.Date(at) : "~",
                ["stack"] = r => r.Stack,
                ["status"] = r => r.Status.ToString(),
            });

    private static async Task<IResult> GetAsync(Guid projectId, Guid requestId, GetApproval.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, requestId), ct)).ToHttpResult();

    private static async Task<IResult> DecideAsync(Guid projectId, Guid requestId, bool approve, DecisionRequest request, DecideApproval.Handler handler,
        CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, requestId, approve, request.Reason, request.PlanHash, "api"), ct)).ToHttpResult();

    private static async Task<IResult> ListPoliciesAsync(Guid projectId, [AsParameters] ListQuery page, ApprovalPolicies.ListHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId), ct)).ToPage(page, p => p.Id.ToString(), "name",
            new Dictionary<string, Func<PolicyDto, string>> { ["name"] = p => p.Name, ["environment"] = p => p.Environment ?? "" });

    private static async Task<IResult> CreatePolicyAsync(Guid projectId, PolicyRequest request, ApprovalPolicies.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, null, request.ToSettings()), ct)).ToCreatedResult(p => $"/api/v1/projects/{projectId}/approval-policies/{p.Id}");

    private static async Task<IResult> UpdatePolicyAsync(Guid projectId, Guid policyId, PolicyRequest request, ApprovalPolicies.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, policyId, request.ToSettings()), ct)).ToHttpResult();

    private static async Task<IResult> DeletePolicyAsync(Guid projectId, Guid policyId, ApprovalPolicies.DeleteHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, policyId), ct)).ToNoContentResult();
}

/// <param name="PlanHash">The plan the decision is for: the request's planHash as the approver reviewed it.</param>
internal sealed record DecisionRequest(string? PlanHash, string? Reason);

internal sealed record PolicyRequest(string? Name, Guid? EnvironmentId, List<OperationKind>? Operations, PolicyConditions? Conditions, int? RequiredApprovals,
    ProjectRole? ApproverRole, List<Guid>? ApproverUserIds, bool? AllowSelfApproval, double? TimeoutHours, TimeoutOutcome? TimeoutOutcome)
{
    public PolicySettings ToSettings() => new(Name ?? "", EnvironmentId, Operations ?? [], Conditions ?? new(), RequiredApprovals ?? 1, ApproverRole,
        ApproverUserIds ?? [], AllowSelfApproval ?? false, TimeoutHours is { } h && h is > 0 and < 24 * 365 ? TimeSpan.FromHours(h) : TimeoutHours is null ? null : TimeSpan.Zero,
        TimeoutOutcome ?? Core.Approvals.TimeoutOutcome.Reject);
}
