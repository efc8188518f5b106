using Paddock.Core.Budgets;
using Paddock.Core.Costs;

namespace Paddock.Core.Tests.Governance;

public sealed class CostEstimatorTests
{
    private static readonly RateCard Card = RateCard.Create(new RateCardSettings("test", "EUR", CpuHour: 0.04m, GibHour: 0.01m, DefaultCpu: 0.5m, DefaultMemoryGib: 1m,
        new Dictionary<string, decimal> { ["t3.micro"] = 0.0104m }), DateTimeOffset.UnixEpoch);

    [Fact]
    public void Containers_cost_their_cpu_and_memory_per_hour_per_month_and_over_the_ttl()
    {
        var estimate = CostEstimator.Estimate([new CostItem("api", 2, 4), new CostItem("api", 2, 4), new CostItem("db", 1, 2)], Card, TimeSpan.FromHours(4));

        // api: 2 x (2 x 0.04 + 4 x 0.01) = 0.24; db: 0.04 + 0.02 = 0.06.
        estimate.Hourly.ShouldBe(0.30m);
        estimate.Monthly.ShouldBe(0.30m * 730);
        estimate.OverTtl.ShouldBe(1.20m);
        estimate.Currency.ShouldBe("EUR");
        estimate.Lines.Single(l => l.Service == "api").Count.ShouldBe(2);
    }

    [Fact]
    public void A_container_without_limits_is_charged_the_cards_defaults_and_no_ttl_means_no_ttl_cost()
    {
        var estimate = CostEstimator.Estimate([new CostItem("web")], Card, null);

        estimate.Hourly.ShouldBe((0.5m * 0.04m) + (1m * 0.01m));
        estimate.OverTtl.ShouldBeNull();
    }

    [Fact]
    public void Vms_cost_their_instance_type_and_an_unknown_type_says_so()
    {
        var estimate = CostEstimator.Estimate([new CostItem("vm", InstanceType: "t3.micro"), new CostItem("big", InstanceType: "x9.huge")], Card, null);

        estimate.Hourly.ShouldBe(0.0104m);
        estimate.Lines.Single(l => l.Service == "big").Basis.ShouldContain("no price");
    }

    [Fact]
    public void Over_a_period_is_zero_when_the_period_is_past()
    {
        var now = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

        CostEstimator.Over(1m, now, now.AddHours(3)).ShouldBe(3m);
        CostEstimator.Over(1m, now, now.AddHours(-3)).ShouldBe(0m);
    }

    [Fact]
    public void A_reservation_holds_the_rate_until_expiry_or_the_months_end_and_metering_spends_it()
    {
        var now = new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.Zero);
        var untilMonthEnd = BudgetReservation.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, 2m, now, now.AddDays(3));
        var untilExpiry = BudgetReservation.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, 2m, now, now.AddHours(1));

        untilMonthEnd.Amount.ShouldBe(8m);
        untilExpiry.Amount.ShouldBe(2m);
        untilMonthEnd.Meter(now.AddHours(1)).ShouldBe(2m);
        untilMonthEnd.Remaining.ShouldBe(6m);
        untilMonthEnd.Meter(now.AddHours(10)).ShouldBe(6m, "never past the month's end");
        untilMonthEnd.Continue(untilMonthEnd.Until, now.AddDays(3)).Month.ShouldBe(new DateOnly(2027, 1, 1));
    }

    [Theory]
    [InlineData(10, 0, 10, "Allow")]
    [InlineData(30, 15, 10, "NeedsApproval")]
    [InlineData(60, 35, 10, "Refuse")]
    [InlineData(90, 15, 0, "Allow")]
    public void Budgets_allow_ask_or_refuse_by_spent_reserved_and_this_operation(double spent, double reserved, double thisOperation, string verdict)
    {
        // Soft threshold 50, hard limit 100; an operation that adds nothing is never stopped.
        var usage = new BudgetUsage(Guid.NewGuid(), "project", 100, 50, 100, (decimal)spent, (decimal)reserved, (decimal)thisOperation, "USD");

        BudgetCheck.Verdict([usage]).ToString().ShouldBe(verdict);
    }

    [Fact]
    public void A_refusal_names_budget_spent_reserved_and_this_operation()
    {
        var usage = new BudgetUsage(Guid.NewGuid(), "project", 100, 80, 100, 40, 50, 20, "USD");

        var refusal = BudgetCheck.Refusal([usage]);

        refusal.Errors.ShouldHaveSingleItem().Field.ShouldBe("budget");
        refusal.Message.ShouldContain("budget 100.00 USD, spent 40.00, reserved 50.00, this operation 20.00");
    }

    [Fact]
    public void Thresholds_are_announced_once_each_per_month()
    {
        var budget = Budget.Create(Guid.NewGuid(), new BudgetSettings(null, 100, 80, 100), DateTimeOffset.UnixEpoch);
        var december = new DateOnly(2026, 12, 1);

        budget.Cross(55, december).ShouldBe([50]);
        budget.Cross(60, december).ShouldBeEmpty();
        budget.Cross(120, december).ShouldBe([80, 100]);
        budget.Cross(10, new DateOnly(2027, 1, 1)).ShouldBeEmpty();
        budget.Cross(51, new DateOnly(2027, 1, 1)).ShouldBe([50]);
    }
}
