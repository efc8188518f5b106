using Hangfire.Dashboard;
using Paddock.Core.Identity;

namespace Paddock.Web.Identity;

/// <summary>The Hangfire dashboard at /jobs is for the installation's Owners only.</summary>
internal sealed class OwnerDashboardFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var access = http.RequestServices.GetRequiredService<IAccessControl>();
        return await access.HasAsync(Permission.JobsDashboard, null, http.RequestAborted);
    }
}
