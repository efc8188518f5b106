using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Paddock.Core.Audit;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Data.Audit;

/// <summary>
/// Writes an <see cref="AuditEvent"/> for every added, changed or deleted <see cref="IAudited"/> entity into the
/// same SaveChanges, hence the same transaction: an audit row exists exactly when the change does.
/// </summary>
internal sealed class AuditInterceptor(ICurrentUser user, TimeProvider time) : SaveChangesInterceptor
{
    // Identity's bookkeeping columns: secrets are redacted, noise is left out.
    private static readonly HashSet<string> RedactedByName = ["PasswordHash", "SecurityStamp"];
    private static readonly HashSet<string> IgnoredByName =
        ["ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName", "AccessFailedCount", "Version"];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            AddAuditEvents(context);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            AddAuditEvents(context);
        }

        return base.SavingChanges(eventData, result);
    }

    private void AddAuditEvents(DbContext context)
    {
        var now = time.GetUtcNow();
        var events = new List<AuditEvent>();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.Entity is IAudited))
        {
            var verb = entry.State switch
            {
                EntityState.Added => "created",
                EntityState.Modified => "updated",
                EntityState.Deleted => "deleted",
                _ => null,
            };
            if (verb is null)
            {
                continue;
            }

            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var audited = (IAudited)entry.Entity;
            var type = AuditNames.TargetType(entry.Entity.GetType());
            events.Add(new AuditEvent
            {
                At = now,
                ActorId = user.UserId,
                ActorName = user.Email ?? "anonymous",
                Action = $"{type}.{verb}",
                TargetType = type,
                TargetId = audited.Id,
                TargetName = AuditNames.DisplayName(entry.Entity),
                ProjectId = audited.AuditProjectId,
                ClientAddress = user.ClientAddress,
                Changes = changes,
            });
        }

        context.Set<AuditEvent>().AddRange(events);
    }

    private static List<FieldChange> Changes(EntityEntry entry)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            var clrProperty = property.Metadata.PropertyInfo;
            if (IgnoredByName.Contains(name) || clrProperty?.GetCustomAttribute<AuditIgnoredAttribute>() is not null
                || property.Metadata.IsShadowProperty() || property.Metadata.IsPrimaryKey())
            {
                continue;
            }

            var redacted = RedactedByName.Contains(name) || clrProperty?.GetCustomAttribute<AuditRedactedAttribute>() is not null;
            var before = entry.State == EntityState.Added ? null : Format(property.OriginalValue, redacted);
            var after = entry.State == EntityState.Deleted ? null : Format(property.CurrentValue, redacted);
            if (entry.State == EntityState.Modified && Equals(property.OriginalValue, property.CurrentValue))
            {
                continue;
            }

            if (before is null && after is null)
            {
                continue;
            }

            changes.Add(new FieldChange(AuditNames.FieldName(name), before, after));
        }

        return changes;
    }

    private static string? Format(object? value, bool redacted) => value switch
    {
        null => null,
        _ when redacted => "[redacted]",
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

internal static class AuditNames
{
    public static string TargetType(Type type) => type.Name switch
    {
        "PaddockUser" => "user",
        "ProjectEnvironment" => "environment",
        "ProjectMember" => "member",
        var name => SnakeCaseNames.ToSnake(name).Replace('_', '-'),
    };

    public static string FieldName(string property) => char.ToLowerInvariant(property[0]) + property[1..];

    public static string DisplayName(object entity) => entity switch
    {
        PaddockUser u => u.Email ?? "",
        _ => entity.GetType().GetProperty("Name")?.GetValue(entity) as string ?? "",
    };
}
