using Paddock.Core.Audit;
using Paddock.Core.Identity;

namespace Paddock.Core.Projects;

public sealed class ProjectMember : IAudited
{
    private ProjectMember()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public Guid UserId { get; private set; }

    public ProjectRole Role { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public static ProjectMember Create(Guid projectId, Guid userId, ProjectRole role, DateTimeOffset now) =>
        new() { ProjectId = projectId, UserId = userId, Role = role, AddedAt = now };

    public void ChangeRole(ProjectRole role) => Role = role;
}
