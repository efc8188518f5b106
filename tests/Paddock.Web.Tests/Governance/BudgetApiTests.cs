using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Identity;
using Paddock.Data;
using Paddock.Testing;

namespace Paddock.Web.Tests.Governance;

// Each test runs on its own Paddock: the metering job and the rate cards act on the whole database, and on the shared
// host they would charge and price other tests' stacks (and theirs these tests').
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class BudgetApiTests : IAsyncLifetime
{
    private readonly PaddockWebFactory _factory = new();
    private readonly Governance _governance;

    public BudgetApiTests() => _governance = new(_factory);

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Twenty_parallel_launches_against_a_budget_that_fits_five_pass_exactly_five_and_the_numbers_add_up()
    {
        var a = await _governance.ArrangeAsync("race");
        var each = await ThisOperationAsync(a);
        // Five fit under the soft threshold (100 %); a sixth fits under the hard limit (120 %) only with an approval.
        await CreateBudgetAsync(a, monthlyAmount: each * 5, soft: 100, hard: 120);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Governance.LaunchAsync(a.Admin, a, a.Test)));

        var launched = new List<JsonElement>();
        var refused = new List<ApiProblem>();
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.Created)
            {
                launched.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
                refused.Add(await response.ReadProblemAsync());
            }
        }

        launched.Count(l => l.GetProperty("status").GetString() == "Queued").ShouldBe(5);
        launched.Count(l => l.GetProperty("status").GetString() == "AwaitingApproval").ShouldBe(1);
        refused.Count.ShouldBe(14);
        refused.ShouldAllBe(p => p.FieldErrors["budget"][0].Contains("spent 0.00, reserved", StringComparison.Ordinal));
        refused[0].FieldErrors["budget"][0].ShouldContain($"this operation {each:0.00}");

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
            var reservations = await db.BudgetReservations.AsNoTracking().Where(r => r.ProjectId == a.ProjectId && r.ReleasedAt == null).ToListAsync();
            reservations.Count.ShouldBe(6);
            reservations.Sum(r => r.Amount).ShouldBe(each * 6);
            (await db.Stacks.CountAsync(s => s.ProjectId == a.ProjectId)).ShouldBe(6, "a refused launch leaves no stack behind");
        }

        var budget = (await a.Admin.GetItemsAsync<JsonElement>($"/api/v1/projects/{a.ProjectId}/budgets")).ShouldHaveSingleItem();
        budget.GetProperty("reserved").GetDecimal().ShouldBe(each * 6);
        budget.GetProperty("usedPercent").GetDecimal().ShouldBe(120m);
        (await _governance.EventsAsync(a.ProjectId, "budget.threshold_crossed")).Select(e => e.GetProperty("percent").GetInt32()).ShouldBe([50, 80, 100]);

        foreach (var stack in launched.Where(l => l.GetProperty("status").GetString() == "Queued"))
        {
            await Governance.WaitForStackAsync(a.Admin, a.ProjectId, stack.GetProperty("stackId").GetGuid(), "Running");
            await Governance.DestroyAsync(a.Admin, a.ProjectId, stack.GetProperty("stackId").GetGuid());
        }
    }

    [Fact]
    public async Task The_launch_preview_shows_the_cost_and_the_budgets_numbers()
    {
        var a = await _governance.ArrangeAsync("preview");
        await CreateBudgetAsync(a, monthlyAmount: 100, soft: 80, hard: 100);

        var preview = await a.Admin.PostAsJsonAsync($"/api/v1/projects/{a.ProjectId}/stacks/plan", new { blueprintId = a.BlueprintId, environmentId = a.Test, ttlHours = 4 });

        var governance = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("governance");
        var cost = governance.GetProperty("cost");
        var hourly = cost.GetProperty("hourly").GetDecimal();
        hourly.ShouldBeGreaterThan(0);
        cost.GetProperty("monthly").GetDecimal().ShouldBe(hourly * 730);
        cost.GetProperty("overTtl").GetDecimal().ShouldBe(hourly * 4);
        governance.GetProperty("budgets").EnumerateArray().ShouldHaveSingleItem().GetProperty("amount").GetDecimal().ShouldBe(100);
        governance.GetProperty("needsApproval").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task An_environment_on_a_provider_account_with_its_own_rate_card_is_priced_by_that_card()
    {
        var a = await _governance.ArrangeAsync("card");
        var account = await a.Admin.PostAsJsonAsync("/api/v1/provider-accounts",
            new { name = PaddockWebFactory.UniqueName("priced"), endpoint = Environment.GetEnvironmentVariable("PADDOCK_TEST_DOCKER") ?? "unix:///nonexistent/docker.sock" });
        account.StatusCode.ShouldBe(HttpStatusCode.Created, await account.Content.ReadAsStringAsync());
        var accountId = (await account.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var environment = await a.Admin.PostAsJsonAsync($"/api/v1/projects/{a.ProjectId}/environments", new { name = "priced", providerAccountId = accountId });
        environment.StatusCode.ShouldBe(HttpStatusCode.Created, await environment.Content.ReadAsStringAsync());
        var pricedId = (await environment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Ten times the prices of the card that prices everything else, for this account only.
        var cards = await a.Admin.GetAllItemsAsync<JsonElement>("/api/v1/rate-cards");
        var general = cards.First(c => c.GetProperty("providerAccountId").ValueKind == JsonValueKind.Null);
        (await a.Admin.PutAsJsonAsync("/api/v1/rate-cards", new
        {
            providerAccountId = accountId,
            name = "premium",
            currency = general.GetProperty("currency").GetString(),
            cpuHour = general.GetProperty("cpuHour").GetDecimal() * 10,
            gibHour = general.GetProperty("gibHour").GetDecimal() * 10,
            defaultCpu = general.GetProperty("defaultCpu").GetDecimal(),
            defaultMemoryGib = general.GetProperty("defaultMemoryGib").GetDecimal(),
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var onDefault = await HourlyAsync(a, a.Test);
        var onAccount = await HourlyAsync(a, pricedId);

        onAccount.ShouldBe(onDefault * 10);
        await (await a.Admin.PutAsJsonAsync("/api/v1/rate-cards", new { providerAccountId = Guid.NewGuid(), name = "ghost", currency = "USD", cpuHour = 1m, gibHour = 1m }))
            .ShouldBeFieldErrorAsync("providerAccountId", "No provider account");
    }

    private static async Task<decimal> HourlyAsync(Arranged a, Guid environmentId)
    {
        var preview = await a.Admin.PostAsJsonAsync($"/api/v1/projects/{a.ProjectId}/stacks/plan", new { blueprintId = a.BlueprintId, environmentId, ttlHours = 4 });
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        return (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("governance").GetProperty("cost").GetProperty("hourly").GetDecimal();
    }

    [Fact]
    public async Task Bad_budgets_are_field_errors()
    {
        var a = await _governance.ArrangeAsync("badbudget");

        await (await a.Admin.PostAsJsonAsync($"/api/v1/projects/{a.ProjectId}/budgets", new { monthlyAmount = -5 })).ShouldBeFieldErrorAsync("monthlyAmount", "more than zero");
        await (await a.Admin.PostAsJsonAsync($"/api/v1/projects/{a.ProjectId}/budgets", new { monthlyAmount = 10, softThresholdPercent = 120, hardLimitPercent = 100 }))
            .ShouldBeFieldErrorAsync("softThresholdPercent", "above the hard limit");
        await (await a.Admin.PostAsJsonAsync($"/api/v1/projects/{a.ProjectId}/budgets", new { monthlyAmount = 10, environmentId = Guid.NewGuid() }))
            .ShouldBeFieldErrorAsync("environmentId", "environment of this project");
        await CreateBudgetAsync(a, 10, 80, 100);
        await (await a.Admin.PostAsJsonAsync($"/api/v1/projects/{a.ProjectId}/budgets", new { monthlyAmount = 20 })).ShouldBeFieldErrorAsync("environmentId", "already has a budget");
    }

    [Fact]
    public async Task Metering_spends_what_running_stacks_reserved_and_the_costs_export_lists_them()
    {
        var a = await _governance.ArrangeAsync("meter");
        var stackId = (await Governance.LaunchedAsync(a.Admin, a, a.Test)).GetProperty("stackId").GetGuid();
        await Governance.WaitForStackAsync(a.Admin, a.ProjectId, stackId, "Running");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            // Two hours pass since the reservation was made.
            await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().Database.ExecuteSqlAsync(
                $"UPDATE budget_reservations SET created_at = created_at - interval '2 hours', metered_until = metered_until - interval '2 hours' WHERE stack_id = {stackId}");
            await scope.ServiceProvider.GetRequiredService<Workers.Governance.CostMeteringJob>().RunAsync(CancellationToken.None);
        }

        var report = await a.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{a.ProjectId}/costs");
        var row = report.GetProperty("rows").EnumerateArray().ShouldHaveSingleItem();
        var spent = row.GetProperty("spent").GetDecimal();
        spent.ShouldBe(Math.Round(row.GetProperty("hourlyRate").GetDecimal() * 2, 2), 0.01m);
        row.GetProperty("forecast").GetDecimal().ShouldBeGreaterThan(spent);
        var csv = await a.Admin.GetStringAsync($"/api/v1/projects/{a.ProjectId}/costs.csv");
        csv.Split("\r\n")[0].ShouldBe("month,project,environment,stack,owner,hourly_rate,spent,forecast,currency");
        csv.ShouldContain(row.GetProperty("stack").GetString()!);

        // The all-projects report (the Costs page) has the row for the admin, and nothing of this project for a member of another.
        var everything = await a.Admin.GetFromJsonAsync<JsonElement>("/api/v1/costs");
        everything.GetProperty("rows").EnumerateArray().ShouldContain(r => r.GetProperty("stackId").GetGuid() == stackId);
        (await a.Admin.GetStringAsync("/api/v1/costs.csv")).ShouldContain(row.GetProperty("stack").GetString()!);
        var elsewhere = await _factory.CreateMemberAsync(a.Admin, await PaddockWebFactory.CreateProjectAsync(a.Admin, PaddockWebFactory.UniqueName("other")), ProjectRole.Developer);
        (await elsewhere.Client.GetFromJsonAsync<JsonElement>("/api/v1/costs")).GetProperty("rows").EnumerateArray()
            .ShouldNotContain(r => r.GetProperty("projectId").GetGuid() == a.ProjectId);

        await Governance.DestroyAsync(a.Admin, a.ProjectId, stackId);
    }

    private static async Task<decimal> ThisOperationAsync(Arranged a)
    {
        var preview = await a.Admin.PostAsJsonAsync($"/api/v1/projects/{a.ProjectId}/stacks/plan", new { blueprintId = a.BlueprintId, environmentId = a.Test, ttlHours = 10 });
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        return (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("governance").GetProperty("cost").GetProperty("overTtl").GetDecimal();
    }

    private static async Task CreateBudgetAsync(Arranged a, decimal monthlyAmount, int soft, int hard)
    {
        var response = await a.Admin.PostAsJsonAsync($"/api/v1/projects/{a.ProjectId}/budgets",
            new { monthlyAmount, softThresholdPercent = soft, hardLimitPercent = hard, currency = "USD" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
