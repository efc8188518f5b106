using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Paddock.Core;
using Paddock.Core.Common;
using Paddock.Core.Identity;
using Paddock.Core.Projects;
using Paddock.Data;
using Paddock.Testing;
using Paddock.Web.Common;
using Paddock.Web.Identity;

namespace Paddock.Web.Tests;

/// <summary>
/// bUnit with the real services and a real, freshly migrated database per test: components run Core handlers
/// through <see cref="UiActions"/> exactly as in a circuit, as the user the test signs in.
/// </summary>
public abstract class UiTestContext : BunitContext, IAsyncLifetime
{
    private TestDatabase? _database;
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _authorization;

    protected UiTestContext()
    {
        // The first render of a run builds the EF model and opens connections: give it more than the default second.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        _authorization = AddAuthorization();
    }

    protected ISnackbar Snackbar => Services.GetRequiredService<ISnackbar>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("paddock_ui");
        Services.AddPaddockCore();
        Services.AddPaddockData(_database.ConnectionString);
        Services.AddHttpContextAccessor();
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        Services.AddScoped<CircuitClient>();
        Services.AddScoped<UiActions>();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().Database.MigrateAsync();
        // MudSelect and dialogs render their popovers here, as MainLayout does in the app.
        Render<MudPopoverProvider>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>The circuit's user, with the claims CurrentUser reads.</summary>
    protected void SignInAs(PaddockUser user)
    {
        _authorization.SetAuthorized(user.Email!);
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.Email!));
    }

    protected async Task<PaddockUser> SeedUserAsync(string who, bool isOwner = false)
    {
        var email = PaddockWebFactory.UniqueEmail(who);
        var user = new PaddockUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = who,
            IsOwner = isOwner,
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        await SaveAsync(db => db.Users.Add(user));
        return user;
    }

    protected async Task<Guid> SeedProjectAsync(string name, params (PaddockUser User, ProjectRole Role)[] members)
    {
        var project = Project.Create(name, null, DateTimeOffset.UtcNow);
        await SaveAsync(db =>
        {
            db.Projects.Add(project);
            db.ProjectMembers.AddRange(members.Select(m => ProjectMember.Create(project.Id, m.User.Id, m.Role, DateTimeOffset.UtcNow)));
        });
        return project.Id;
    }

    protected async Task<ProjectRole?> RoleInAsync(Guid projectId, Guid userId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().ProjectMembers.AsNoTracking()
            .Where(m => m.ProjectId == projectId && m.UserId == userId).Select(m => (ProjectRole?)m.Role).SingleOrDefaultAsync();
    }

    /// <summary>What the signed-in user may do in the project, as ProjectPage learns it before rendering its panels.</summary>
    protected async Task<IReadOnlySet<Permission>> PermissionsInAsync(Guid projectId) =>
        await Services.GetRequiredService<UiActions>().PermissionsInAsync(projectId);

    private async Task SaveAsync(Action<PaddockDbContext> change)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }
}
