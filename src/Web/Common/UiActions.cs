using Microsoft.AspNetCore.Components.Authorization;
using Paddock.Core.Common;
using Paddock.Core.Identity;
using Paddock.Web.Identity;

namespace Paddock.Web.Common;

/// <summary>
/// How pages run Core handlers: each call gets its own DI scope (a fresh DbContext, since a circuit lives for
/// minutes and may act concurrently) with the circuit's user as the acting user. Handlers check permissions.
/// </summary>
internal sealed class UiActions(IServiceScopeFactory scopes, AuthenticationStateProvider authentication, CircuitClient client)
{
    public async Task<Result<T>> RunAsync<THandler, T>(Func<THandler, Task<Result<T>>> call)
        where THandler : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await SetUserAsync(scope.ServiceProvider);
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    public async Task<IReadOnlySet<Permission>> PermissionsInAsync(Guid projectId)
    {
        await using var scope = scopes.CreateAsyncScope();
        await SetUserAsync(scope.ServiceProvider);
        return await scope.ServiceProvider.GetRequiredService<IAccessControl>().PermissionsInAsync(projectId);
    }

    public async Task<bool> HasAsync(Permission permission, Guid? projectId = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        await SetUserAsync(scope.ServiceProvider);
        return await scope.ServiceProvider.GetRequiredService<IAccessControl>().HasAsync(permission, projectId);
    }

    private async Task SetUserAsync(IServiceProvider services)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        services.GetRequiredService<CurrentUser>().Set(state.User, client.Address);
    }
}

/// <summary>The browser's address, captured when the circuit's first request arrives (no HttpContext afterwards).</summary>
internal sealed class CircuitClient
{
    public string? Address { get; set; }
}
