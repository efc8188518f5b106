using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Paddock.Core;
using Paddock.Core.Common;
using Paddock.Data.Audit;

namespace Paddock.Data;

public static class DependencyInjection
{
    public static IServiceCollection AddPaddockData(this IServiceCollection services, string connectionString)
    {
        services.TryAddScoped<AuditInterceptor>();
        services.AddDbContext<PaddockDbContext>((sp, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        services.TryAddScoped<IPaddockDbContext>(sp => sp.GetRequiredService<PaddockDbContext>());
        // Keys in the database: web and worker nodes encrypt and decrypt the same secrets and cookies.
        services.AddDataProtection().SetApplicationName("Paddock").PersistKeysToDbContext<PaddockDbContext>();
        services.TryAddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.TryAddScoped<Core.Budgets.IBudgetLock, Budgets.PostgresBudgetLock>();
        services.TryAddSingleton<Core.Approvals.IApprovalLinkProtector, Approvals.DataProtectionLinkProtector>();
        services.TryAddSingleton(sp => new Events.LiveChannel(connectionString, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Events.LiveChannel>>()));
        return services;
    }
}
