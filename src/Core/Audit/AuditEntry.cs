using Paddock.Core.Common;

namespace Paddock.Core.Audit;

/// <summary>Explicit audit events for actions that change no audited entity (sign-in, failed sign-in, test sends).</summary>
public static class AuditEntry
{
    public static AuditEvent For(ICurrentUser user, DateTimeOffset now, string action, string targetType, Guid? targetId, string targetName,
        Guid? projectId = null, string? actorName = null) => new()
        {
            At = now,
            ActorId = user.UserId,
            ActorName = actorName ?? user.Email ?? "anonymous",
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            TargetName = targetName,
            ProjectId = projectId,
            ClientAddress = user.ClientAddress,
        };
}
