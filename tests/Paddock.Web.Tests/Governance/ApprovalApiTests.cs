using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Approvals;
using Paddock.Core.Identity;
using Paddock.Testing;
using Paddock.Web.Identity;
using Engine = Paddock.Web.Tests.Stacks.Docker;

namespace Paddock.Web.Tests.Governance;

// Each test runs on its own Paddock: they move deadlines and link expiries and run the timeout job over the whole
// database, which on the shared host would decide other tests' requests.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class ApprovalApiTests : IAsyncLifetime
{
    private readonly PaddockWebFactory _factory = new();
    private readonly Governance _governance;

    public ApprovalApiTests() => _governance = new(_factory);

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_developer_launch_into_protected_production_waits_and_runs_once_an_approver_approves()
    {
        var a = await _governance.ArrangeAsync("approve");
        await Governance.AddPolicyAsync(a.Admin, a.ProjectId, new
        {
            name = "production launches",
            operations = new[] { "Launch" },
            conditions = new { environmentProtected = true },
            requiredApprovals = 1,
            approverRole = "Approver",
        });
        var developer = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Developer);
        var approver = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Approver);

        var launch = await Governance.LaunchedAsync(developer.Client, a, a.Production, reason: "release 1.4 for the customer demo");

        launch.GetProperty("status").GetString().ShouldBe("AwaitingApproval");
        var stackId = launch.GetProperty("stackId").GetGuid();
        (await Governance.StackAsync(a.Admin, a.ProjectId, stackId)).GetProperty("status").GetString().ShouldBe("Pending");
        (await Engine.ContainersOfAsync(stackId)).ShouldBeEmpty();

        var requested = (await _governance.EventsAsync(a.ProjectId, "approval.requested")).ShouldHaveSingleItem();
        requested.GetProperty("approveUrl").GetString().ShouldStartWith("http://127.0.0.1:5080/approvals/link/");
        requested.GetProperty("rejectUrl").GetString().ShouldStartWith("http://127.0.0.1:5080/approvals/link/");

        var inbox = (await Governance.PendingAsync(approver.Client, a.ProjectId)).ShouldHaveSingleItem();
        inbox.GetProperty("canDecide").GetBoolean().ShouldBeTrue();
        var requestId = inbox.GetProperty("id").GetGuid();
        var details = await Governance.RequestAsync(approver.Client, a.ProjectId, requestId);
        details.GetProperty("requestedBy").GetString().ShouldBe(developer.Email);
        details.GetProperty("reason").GetString().ShouldBe("release 1.4 for the customer demo");
        details.GetProperty("monthlyCost").GetDecimal().ShouldBeGreaterThan(0);
        details.GetProperty("plan").EnumerateArray().ShouldContain(c => c.GetProperty("resource").GetString() == "app-1" && c.GetProperty("action").GetString() == "Create");

        var approved = await Governance.DecideAsync(approver.Client, a.ProjectId, requestId, approve: true, details.GetProperty("planHash").GetString());

        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Approved");
        await Governance.WaitForStackAsync(a.Admin, a.ProjectId, stackId, "Running");
        (await Engine.ContainersOfAsync(stackId)).Count.ShouldBe(1);
        (await _governance.EventsAsync(a.ProjectId, "approval.decided")).ShouldHaveSingleItem().GetProperty("decision").GetString().ShouldBe("approved");
        await Governance.DestroyAsync(a.Admin, a.ProjectId, stackId);
    }

    [Fact]
    public async Task A_launch_waiting_for_approval_is_not_reaped_when_its_ttl_passes_and_its_ttl_counts_from_the_approval()
    {
        var a = await _governance.ArrangeAsync("ttlwait");
        await Governance.AddPolicyAsync(a.Admin, a.ProjectId, new { name = "all launches", operations = new[] { "Launch" }, requiredApprovals = 1, approverRole = "Approver" });
        var approver = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Approver);
        var stackId = (await Governance.LaunchedAsync(a.Admin, a, a.Test, ttlHours: 3.0 / 3600)).GetProperty("stackId").GetGuid();
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        await ReapExpiredAsync();

        (await Governance.StackAsync(a.Admin, a.ProjectId, stackId)).GetProperty("status").GetString().ShouldBe("Pending");
        var requestId = (await Governance.PendingAsync(approver.Client, a.ProjectId)).ShouldHaveSingleItem().GetProperty("id").GetGuid();
        var hash = (await Governance.RequestAsync(approver.Client, a.ProjectId, requestId)).GetProperty("planHash").GetString();
        var approvedAt = DateTimeOffset.UtcNow;
        (await Governance.DecideAsync(approver.Client, a.ProjectId, requestId, approve: true, hash)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var running = await Governance.WaitForStackAsync(a.Admin, a.ProjectId, stackId, "Running");
        var expiresAt = running.GetProperty("expiresAt").GetDateTimeOffset();
        expiresAt.ShouldBeGreaterThan(approvedAt.AddSeconds(1));

        // Once live, its (restarted) time to live ends it as any other.
        // (Under load the launch can outlast its three seconds: then it is already due.)
        var untilDue = expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(0.5);
        await Task.Delay(untilDue > TimeSpan.Zero ? untilDue : TimeSpan.Zero);
        await ReapExpiredAsync();
        await Governance.WaitForStackAsync(a.Admin, a.ProjectId, stackId, "Destroyed");
        (await Engine.ContainersOfAsync(stackId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_a_policy_names_decides_whatever_their_role_but_not_with_a_read_token_and_other_developers_cannot()
    {
        var a = await _governance.ArrangeAsync("named");
        var lead = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Developer);
        var colleague = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Developer);
        await Governance.AddPolicyAsync(a.Admin, a.ProjectId, new { name = "the lead approves", operations = new[] { "Launch" }, requiredApprovals = 1, approverUserIds = new[] { lead.Id } });
        var stackId = (await Governance.LaunchedAsync(a.Admin, a, a.Test)).GetProperty("stackId").GetGuid();
        var requestId = (await Governance.PendingAsync(lead.Client, a.ProjectId)).ShouldHaveSingleItem().GetProperty("id").GetGuid();
        var hash = (await Governance.RequestAsync(lead.Client, a.ProjectId, requestId)).GetProperty("planHash").GetString();

        var byColleague = await Governance.DecideAsync(colleague.Client, a.ProjectId, requestId, approve: true, hash);
        byColleague.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await byColleague.Content.ReadAsStringAsync()).ShouldContain("approvals.decide");
        var (_, readOnly) = await PaddockWebFactory.CreateTokenAsync(lead.Client, "read");
        (await Governance.DecideAsync(_factory.TokenClient(readOnly), a.ProjectId, requestId, approve: true, hash)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var byLead = await Governance.DecideAsync(lead.Client, a.ProjectId, requestId, approve: true, hash);

        byLead.StatusCode.ShouldBe(HttpStatusCode.OK, await byLead.Content.ReadAsStringAsync());
        await Governance.WaitForStackAsync(a.Admin, a.ProjectId, stackId, "Running");
        await Governance.DestroyAsync(a.Admin, a.ProjectId, stackId);
    }

    [Fact]
    public async Task Without_a_policy_developers_are_still_refused_in_protected_environments()
    {
        var a = await _governance.ArrangeAsync("noprotect");
        var developer = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Developer);

        (await Governance.LaunchAsync(developer.Client, a, a.Production)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Self_approval_is_refused_and_rejecting_needs_a_reason()
    {
        var a = await _governance.ArrangeAsync("self");
        await Governance.AddPolicyAsync(a.Admin, a.ProjectId, new { name = "all launches", operations = new[] { "Launch" }, requiredApprovals = 1 });
        var approver = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Approver);
        var launch = await Governance.LaunchedAsync(a.Admin, a, a.Test);
        var request = (await Governance.PendingAsync(a.Admin, a.ProjectId)).ShouldHaveSingleItem();
        var requestId = request.GetProperty("id").GetGuid();
        var hash = (await Governance.RequestAsync(a.Admin, a.ProjectId, requestId)).GetProperty("planHash").GetString();

        request.GetProperty("canDecide").GetBoolean().ShouldBeFalse();
        var self = await Governance.DecideAsync(a.Admin, a.ProjectId, requestId, approve: true, hash);
        self.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await self.ReadProblemAsync()).Detail.ShouldNotBeNull().ShouldContain("someone else must approve");

        var noReason = await Governance.DecideAsync(approver.Client, a.ProjectId, requestId, approve: false, hash, reason: " ");
        await noReason.ShouldBeFieldErrorAsync("reason", "Say why");

        var rejected = await Governance.DecideAsync(approver.Client, a.ProjectId, requestId, approve: false, hash, reason: "not during the freeze");
        rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stack = await Governance.StackAsync(a.Admin, a.ProjectId, launch.GetProperty("stackId").GetGuid());
        stack.GetProperty("operations")[0].GetProperty("status").GetString().ShouldBe("Rejected");
        stack.GetProperty("operations")[0].GetProperty("error").GetString()!.ShouldContain("not during the freeze");
        (await Governance.DecideAsync(approver.Client, a.ProjectId, requestId, approve: true, hash)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_decision_after_the_plan_changed_does_not_count()
    {
        var a = await _governance.ArrangeAsync("replan");
        await Governance.AddPolicyAsync(a.Admin, a.ProjectId, new { name = "two for updates", operations = new[] { "Update" }, requiredApprovals = 2, approverRole = "Approver" });
        var first = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Approver);
        var second = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Approver);
        var stackId = (await Governance.LaunchedAsync(a.Admin, a, a.Test)).GetProperty("stackId").GetGuid();
        var stack = await Governance.WaitForStackAsync(a.Admin, a.ProjectId, stackId, "Running");

        var update = await a.Admin.PostAsJsonAsync($"/api/v1/projects/{a.ProjectId}/stacks/{stackId}/operations", new { kind = "Update", reason = "re-apply" });
        update.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await update.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("AwaitingApproval");
        var requestId = (await Governance.PendingAsync(first.Client, a.ProjectId)).ShouldHaveSingleItem().GetProperty("id").GetGuid();
        var oldHash = (await Governance.RequestAsync(first.Client, a.ProjectId, requestId)).GetProperty("planHash").GetString();
        (await Governance.DecideAsync(first.Client, a.ProjectId, requestId, approve: true, oldHash)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Someone removes the container by hand: the update would now do something else than what was approved.
        await Engine.RunAsync("rm", "-f", $"paddock-{stack.GetProperty("name").GetString()}-app-1");
        var changed = await Governance.DecideAsync(second.Client, a.ProjectId, requestId, approve: true, oldHash);

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await changed.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("status").GetString().ShouldBe("Pending");
        result.GetProperty("approvalsGiven").GetInt32().ShouldBe(0);
        result.GetProperty("message").GetString()!.ShouldContain("plan changed");
        var details = await Governance.RequestAsync(first.Client, a.ProjectId, requestId);
        var newHash = details.GetProperty("planHash").GetString();
        newHash.ShouldNotBe(oldHash);
        details.GetProperty("decisions").EnumerateArray().ShouldAllBe(d => !d.GetProperty("counts").GetBoolean());
        details.GetProperty("plan").EnumerateArray().ShouldContain(c => c.GetProperty("action").GetString() == "Create");
        (await Governance.DecideAsync(first.Client, a.ProjectId, requestId, approve: true, oldHash)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await Governance.DecideAsync(first.Client, a.ProjectId, requestId, approve: true, newHash)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var done = await Governance.DecideAsync(second.Client, a.ProjectId, requestId, approve: true, newHash);
        (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Approved");
        // The stack reads Running all along: what tells that the update ran is its operation.
        await Governance.WaitForStackAsync(a.Admin, a.ProjectId, stackId, "Running", operationStatus: "Succeeded");
        (await Engine.ContainersOfAsync(stackId)).Count.ShouldBe(1);
        await Governance.DestroyAsync(a.Admin, a.ProjectId, stackId);
    }

    [Fact]
    public async Task Timeouts_reject_approve_or_escalate_to_the_project_admins()
    {
        var a = await _governance.ArrangeAsync("timeout");
        var staging = await PaddockWebFactory.CreateEnvironmentAsync(a.Admin, a.ProjectId, "staging");
        var nobody = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Viewer);
        var projectAdmin = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.ProjectAdmin);
        var operatorMember = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Operator);
        foreach (var (environmentId, outcome) in new[] { (a.Test, "Reject"), (a.Production, "Approve"), (staging, "Escalate") })
        {
            await Governance.AddPolicyAsync(a.Admin, a.ProjectId, new
            {
                name = $"timeout {outcome}",
                environmentId,
                operations = new[] { "Launch" },
                approverUserIds = new[] { nobody.Id },
                timeoutHours = 1,
                timeoutOutcome = outcome,
            });
        }

        var rejected = await Governance.LaunchedAsync(operatorMember.Client, a, a.Test);
        var approved = await Governance.LaunchedAsync(operatorMember.Client, a, a.Production);
        var escalated = await Governance.LaunchedAsync(operatorMember.Client, a, staging);
        var requests = await Governance.PendingAsync(a.Admin, a.ProjectId);
        requests.Count.ShouldBe(3);
        foreach (var request in requests)
        {
            await _governance.ExpireDeadlineAsync(request.GetProperty("id").GetGuid());
        }

        await _governance.RunTimeoutsAsync();
        await _governance.RunTimeoutsAsync(); // the escalated request has a fresh hour: a second sweep leaves it alone

        (await Governance.StackAsync(a.Admin, a.ProjectId, rejected.GetProperty("stackId").GetGuid())).GetProperty("operations")[0].GetProperty("status").GetString()
            .ShouldBe("Rejected");
        await Governance.WaitForStackAsync(a.Admin, a.ProjectId, approved.GetProperty("stackId").GetGuid(), "Running");
        var waiting = (await Governance.PendingAsync(projectAdmin.Client, a.ProjectId)).ShouldHaveSingleItem();
        waiting.GetProperty("stackId").GetGuid().ShouldBe(escalated.GetProperty("stackId").GetGuid());
        waiting.GetProperty("canDecide").GetBoolean().ShouldBeTrue("escalation lets the project admins decide");
        var timedOut = await _governance.EventsAsync(a.ProjectId, "approval.timed_out");
        timedOut.Select(e => e.GetProperty("decision").GetString()).ShouldBe(["rejected", "approved", "escalated"], ignoreOrder: true);
        timedOut.Single(e => e.GetProperty("decision").GetString() == "escalated").GetProperty("approveUrl").GetString().ShouldNotBeNull();

        var requestId = waiting.GetProperty("id").GetGuid();
        var hash = (await Governance.RequestAsync(projectAdmin.Client, a.ProjectId, requestId)).GetProperty("planHash").GetString();
        (await Governance.DecideAsync(projectAdmin.Client, a.ProjectId, requestId, approve: false, hash, "escalated, and no")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Governance.DestroyAsync(a.Admin, a.ProjectId, approved.GetProperty("stackId").GetGuid());
    }

    [Fact]
    public async Task The_inbox_across_projects_shows_each_member_the_requests_of_their_projects_only()
    {
        var mine = await _governance.ArrangeAsync("inbox-mine");
        var theirs = await _governance.ArrangeAsync("inbox-theirs");
        foreach (var a in new[] { mine, theirs })
        {
            await Governance.AddPolicyAsync(a.Admin, a.ProjectId, new { name = "all", operations = new[] { "Launch" }, requiredApprovals = 1, approverRole = "Approver" });
            await Governance.LaunchedAsync(a.Admin, a, a.Test);
        }

        var approver = await _factory.CreateMemberAsync(mine.Admin, mine.ProjectId, ProjectRole.Approver);

        var seen = await approver.Client.GetAllItemsAsync<JsonElement>("/api/v1/approvals");
        seen.ShouldHaveSingleItem().GetProperty("projectId").GetGuid().ShouldBe(mine.ProjectId);
        seen[0].GetProperty("canDecide").GetBoolean().ShouldBeTrue();
        var everyone = await mine.Admin.GetAllItemsAsync<JsonElement>("/api/v1/approvals");
        everyone.Select(r => r.GetProperty("projectId").GetGuid()).ShouldBe([mine.ProjectId, theirs.ProjectId], ignoreOrder: true);
        (await mine.Admin.GetAllItemsAsync<JsonElement>($"/api/v1/approvals?environment=nowhere")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signed_link_decides_once_and_a_replayed_tampered_or_expired_link_is_refused()
    {
        var a = await _governance.ArrangeAsync("links");
        await Governance.AddPolicyAsync(a.Admin, a.ProjectId, new { name = "two", operations = new[] { "Launch" }, requiredApprovals = 2, approverRole = "Approver" });
        var approver = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Approver);
        var developer = await _factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Developer);
        await Governance.LaunchedAsync(developer.Client, a, a.Test);
        var requested = (await _governance.EventsAsync(a.ProjectId, "approval.requested")).ShouldHaveSingleItem();
        var approve = Token(requested.GetProperty("approveUrl").GetString()!);
        var reject = Token(requested.GetProperty("rejectUrl").GetString()!);

        var opened = await AsUserAsync<ApprovalLinks.OpenHandler, Core.Common.Result<LinkView>>(approver, h => h.HandleAsync(new(approve), default));
        opened.IsSuccess.ShouldBeTrue(opened.Error?.Message);
        opened.Value.Approve.ShouldBeTrue();
        opened.Value.Request.CanDecide.ShouldBeTrue();

        var first = await AsUserAsync<ApprovalLinks.Handler, Core.Common.Result<DecisionResult>>(approver, h => h.HandleAsync(new(approve, null), default));
        first.IsSuccess.ShouldBeTrue(first.Error?.Message);
        first.Value.ApprovalsGiven.ShouldBe(1);

        var replayed = await AsUserAsync<ApprovalLinks.Handler, Core.Common.Result<DecisionResult>>(approver, h => h.HandleAsync(new(approve, null), default));
        replayed.Error!.Message.ShouldContain("already used");

        var tampered = approve[..^3] + (approve[^3] == 'A' ? "BBB" : "AAA");
        var forged = await AsUserAsync<ApprovalLinks.OpenHandler, Core.Common.Result<LinkView>>(approver, h => h.HandleAsync(new(tampered), default));
        forged.Error!.Message.ShouldContain("not valid");

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.PaddockDbContext>();
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlAsync(db.Database,
                $"UPDATE approval_links SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL");
        }

        var expired = await AsUserAsync<ApprovalLinks.Handler, Core.Common.Result<DecisionResult>>(approver, h => h.HandleAsync(new(reject, "too late"), default));
        expired.Error!.Message.ShouldContain("expired");

        // The decision event carries fresh links for the approvals still needed.
        var decided = (await _governance.EventsAsync(a.ProjectId, "approval.decided")).ShouldHaveSingleItem();
        decided.GetProperty("approveUrl").GetString().ShouldNotBe(requested.GetProperty("approveUrl").GetString());
        decided.GetProperty("approvalsGiven").GetInt32().ShouldBe(1);
    }

    private static string Token(string url) => url[(url.LastIndexOf('/') + 1)..];

    /// <summary>Calls a handler as the signed-in member would from the link page (the page runs it in the member's circuit).</summary>
    private async Task<T> AsUserAsync<THandler, T>(TestMember member, Func<THandler, Task<T>> call)
        where THandler : notnull
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, member.Id.ToString()), new Claim(ClaimTypes.Name, member.Email)], "test"));
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal, "127.0.0.1");
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private async Task ReapExpiredAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Workers.Stacks.TtlReaperJob>().RunAsync(CancellationToken.None);
    }
}
