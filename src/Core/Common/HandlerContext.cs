using Paddock.Core.Identity;

namespace Paddock.Core.Common;

/// <summary>What nearly every handler needs, injected once: the database, who acts, what they may do, and the clock.</summary>
public sealed class HandlerContext(IPaddockDbContext db, ICurrentUser user, IAccessControl access, TimeProvider time)
{
    public IPaddockDbContext Db { get; } = db;

    public ICurrentUser User { get; } = user;

    public IAccessControl Access { get; } = access;

    public DateTimeOffset Now => time.GetUtcNow();
}
