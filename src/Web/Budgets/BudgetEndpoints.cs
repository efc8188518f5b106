using Paddock.Core.Budgets;
using Paddock.Core.Costs;
using Paddock.Core.Identity;
using Paddock.Web.Api;
using Paddock.Web.Common;
using Paddock.Web.Identity;

namespace Paddock.Web.Budgets;

internal static class BudgetEndpoints
{
    public static IEndpointRouteBuilder MapBudgetEndpoints(this IEndpointRouteBuilder app)
    {
        var budgets = app.MapGroup("/api/v1/projects/{projectId:guid}/budgets").WithTags("Budgets");
        budgets.MapGet("/", ListAsync).RequirePermission(Permission.ProjectRead);
        budgets.MapPost("/", CreateAsync).RequirePermission(Permission.BudgetsManage);
        budgets.MapPut("/{budgetId:guid}", UpdateAsync).RequirePermission(Permission.BudgetsManage);
        budgets.MapDelete("/{budgetId:guid}", DeleteAsync).RequirePermission(Permission.BudgetsManage);

        var costs = app.MapGroup("/api/v1/projects/{projectId:guid}").WithTags("Costs");
        costs.MapGet("/costs", CostsAsync).RequirePermission(Permission.StacksRead);
        costs.MapGet("/costs.csv", CostsCsvAsync).RequirePermission(Permission.StacksRead);
        // Every project the caller can read, as on the Costs page: the handler keeps only those.
        var all = app.MapGroup("/api/v1").WithTags("Costs").RequireAuthorization();
        all.MapGet("/costs", (GetCosts.Handler handler, CancellationToken ct) => CostsAsync(null, handler, ct));
        all.MapGet("/costs.csv", (GetCosts.Handler handler, CancellationToken ct) => CostsCsvAsync(null, handler, ct));

        var cards = app.MapGroup("/api/v1/rate-cards").WithTags("Costs");
        cards.MapGet("/", ListCardsAsync).RequirePermission(Permission.ProvidersManage);
        cards.MapPut("/", SaveCardAsync).RequirePermission(Permission.ProvidersManage);
        return app;
    }

    private static async Task<IResult> ListAsync(Guid projectId, [AsParameters] ListQuery page, ProjectBudgets.ListHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId), ct)).ToPage(page, b => b.Id.ToString(), "scope", new Dictionary<string, Func<BudgetDto, string>>
        {
            ["scope"] = b => b.Scope,
            // Percent used with two decimals, zero-padded: ordinal order is numeric order.
            ["usedPercent"] = b => Paging.Number((long)Math.Round(b.UsedPercent * 100)),
        });

    private static async Task<IResult> CreateAsync(Guid projectId, BudgetRequest request, ProjectBudgets.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, null, request.ToSettings()), ct)).ToCreatedResult(b => $"/api/v1/projects/{projectId}/budgets/{b.Id}");

    private static async Task<IResult> UpdateAsync(Guid projectId, Guid budgetId, BudgetRequest request, ProjectBudgets.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, budgetId, request.ToSettings()), ct)).ToHttpResult();

    private static async Task<IResult> DeleteAsync(Guid projectId, Guid budgetId, ProjectBudgets.DeleteHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, budgetId), ct)).ToNoContentResult();

    private static async Task<IResult> CostsAsync(Guid? projectId, GetCosts.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId), ct)).ToHttpResult();

    private static async Task<IResult> CostsCsvAsync(Guid? projectId, GetCosts.Handler handler, CancellationToken ct)
    {
        var report = await handler.HandleAsync(new(projectId), ct);
        return report.IsSuccess
            ? TypedResults.Text(report.Value.ToCsv(), "text/csv; charset=utf-8")
            : report.Error!.ToProblem();
    }

    private static async Task<IResult> ListCardsAsync([AsParameters] ListQuery page, ListRateCards.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(), ct)).ToPage(page, c => c.Id?.ToString() ?? "built-in:" + c.Name, "name",
            new Dictionary<string, Func<RateCardDto, string>> { ["name"] = c => c.Name });

    private static async Task<IResult> SaveCardAsync(RateCardRequest request, SaveRateCard.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(request.ToSettings()), ct)).ToHttpResult();
}

internal sealed record BudgetRequest(Guid? EnvironmentId, decimal? MonthlyAmount, int? SoftThresholdPercent, int? HardLimitPercent, string? Currency)
{
    public BudgetSettings ToSettings() => new(EnvironmentId, MonthlyAmount ?? 0, SoftThresholdPercent ?? 80, HardLimitPercent ?? 100, Currency ?? "USD");
}

internal sealed record RateCardRequest(Guid? ProviderAccountId, string? Name, string? Currency, decimal? CpuHour, decimal? GibHour, decimal? DefaultCpu,
    decimal? DefaultMemoryGib, Dictionary<string, decimal>? InstanceTypes)
{
    public RateCardSettings ToSettings() => new(Name ?? "", Currency ?? "USD", CpuHour ?? 0, GibHour ?? 0, DefaultCpu ?? RateCardSettings.Default.DefaultCpu,
        DefaultMemoryGib ?? RateCardSettings.Default.DefaultMemoryGib, InstanceTypes ?? [], ProviderAccountId);
}
