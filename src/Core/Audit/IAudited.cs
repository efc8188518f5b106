namespace Paddock.Core.Audit;

/// <summary>
/// Marks an entity whose every insert, update and delete is written to the audit log in the same
/// transaction (the Data layer's audit interceptor does it, so no handler can forget).
/// </summary>
public interface IAudited
{
    Guid Id { get; }

    /// <summary>The project the change belongs to, for filtering; null for installation-wide objects.</summary>
    Guid? AuditProjectId { get; }
}

/// <summary>A property whose value is never written to the audit log (secrets, hashes): only that it changed.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditRedactedAttribute : Attribute;

/// <summary>A property left out of the audit log entirely (derived or bookkeeping fields).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditIgnoredAttribute : Attribute;
