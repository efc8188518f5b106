using Microsoft.EntityFrameworkCore;
using Paddock.Core.Blueprints;
using Paddock.Core.Blueprints.Catalog;
using Paddock.Core.Environments;
using Paddock.Core.Identity;
using Paddock.Core.Projects;
using Paddock.Data;

namespace Paddock.Web.Hosting;

/// <summary>
/// What a new installation starts with, so the first thing a newcomer can do is launch something: a Sample project
/// with a dev and a protected production environment and a three-service blueprint on the local busybox image.
/// </summary>
internal static class SampleContent
{
    public const string BlueprintYaml = """
        apiVersion: paddock/v1
        kind: Blueprint
        name: hello-web
        description: A web server in front of an API and a database, on the local busybox image.
        variables:
          greeting:
            type: string
            default: Hello from Paddock
            description: What the API says.
        services:
          web:
            image: paddock/busybox:latest
            command: [httpd, -f, -p, "8080", -h, /www]
            ports: ["8080"]
            depends_on: { api: started }
          api:
            image: paddock/busybox:latest
            command: [sh, -c, "echo $GREETING; sleep 86400"]
            environment: { GREETING: "${greeting}" }
            depends_on: { db: healthy }
          db:
            image: paddock/busybox:latest
            command: [sleep, "86400"]
            healthcheck: { command: ["true"], interval: 2s, retries: 3 }
        """;

    public static async Task SeedAsync(PaddockDbContext db, PaddockUser admin, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Projects.AnyAsync(ct))
        {
            return;
        }

        var project = Project.Create("Sample", "Launch the hello-web blueprint into dev to see Paddock work.", now);
        db.Projects.Add(project);
        db.ProjectMembers.Add(ProjectMember.Create(project.Id, admin.Id, ProjectRole.ProjectAdmin, now));
        db.Environments.Add(ProjectEnvironment.Create(project.Id, new EnvironmentSettings("dev", "For trying things out.", false, TimeSpan.FromHours(4), TimeSpan.FromHours(24)), now));
        db.Environments.Add(ProjectEnvironment.Create(project.Id, new EnvironmentSettings("production", "Protected: operators and admins only.", true, null, null), now));
        var blueprint = Blueprint.Create(project.Id, "hello-web", "Web, API and database on busybox.", ["sample"], admin.Id, now);
        var spec = Core.Blueprints.BlueprintYaml.Parse(BlueprintYaml).Spec!;
        db.Blueprints.Add(blueprint);
        db.BlueprintVersions.Add(blueprint.AddVersion(BlueprintYaml, BlueprintHash.Compute(spec), "Sample", admin.Id, now));
        await db.SaveChangesAsync(ct);
    }
}
