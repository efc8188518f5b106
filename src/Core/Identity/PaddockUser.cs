using Microsoft.AspNetCore.Identity;
using Paddock.Core.Audit;

namespace Paddock.Core.Identity;

public sealed class PaddockUser : IdentityUser<Guid>, IAudited
{
    Guid? IAudited.AuditProjectId => null;

    public string DisplayName { get; set; } = "";

    /// <summary>The installation-wide administrator: every permission in every project.</summary>
    public bool IsOwner { get; set; }

    /// <summary>A disabled user cannot sign in; their history stays.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
