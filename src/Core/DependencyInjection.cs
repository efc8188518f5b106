using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Paddock.Core.Blueprints.Catalog;
using Paddock.Core.Common;
using Paddock.Core.Environments;
using Paddock.Core.Identity;
using Paddock.Core.Stacks;

namespace Paddock.Core;

public static class DependencyInjection
{
    /// <summary>Registers the one access-control service and every command and query handler (nested types named Handler).</summary>
    public static IServiceCollection AddPaddockCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IAccessControl, AccessControl>();
        services.TryAddScoped<HandlerContext>();
        services.TryAddScoped<Approvals.OperationAdmission>();
        services.TryAddScoped<StackUsage>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IEnvironmentUsage, StackUsage>(sp => sp.GetRequiredService<StackUsage>()));
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IBlueprintUsage, StackUsage>(sp => sp.GetRequiredService<StackUsage>()));
        var handlers = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsNested: true } && t.Name.EndsWith("Handler", StringComparison.Ordinal));
        foreach (var handler in handlers)
        {
            services.TryAddScoped(handler);
        }

        return services;
    }
}
