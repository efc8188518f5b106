using System.Globalization;
using System.Text.Json.Nodes;
using Paddock.Core.Blueprints;

namespace Paddock.Core.Stacks;

/// <summary>
/// Compares desired with observed state and returns the changes, in dependency levels. Pure: no I/O, no clock.
/// Idempotence lives here: an unchanged stack plans to NoOps only, and the executor touches nothing for a NoOp.
/// </summary>
public static class Planner
{
    public static Plan Plan(DesiredState desired, ObservedState observed) => Plan(PlanKind.Apply, desired, observed);

    public static Plan Plan(PlanKind kind, DesiredState desired, ObservedState observed)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        var changes = kind switch
        {
            PlanKind.Apply => Apply(desired, observed),
            PlanKind.Destroy => Destroy(observed),
            PlanKind.Stop => Stop(desired, observed),
            PlanKind.Start => StartOrRestart(desired, observed, restart: false),
            PlanKind.Restart => StartOrRestart(desired, observed, restart: true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var ordered = Renumber(changes);
        return new Plan { Kind = kind, Stack = desired.Stack, Changes = ordered, Hash = Hash(kind, desired.Stack, ordered) };
    }

    private static List<Change> Apply(DesiredState desired, ObservedState observed)
    {
        var changes = new List<Change>();
        var extras = new List<ObservedResource>();
        foreach (var resource in desired.Resources)
        {
            var found = observed.Named(resource.Name).Where(o => o.Kind == resource.Kind).ToList();
            var keeper = found
                .OrderByDescending(o => o.SpecHash == resource.SpecHash)
                .ThenByDescending(o => o.State == ResourceState.Running)
                .FirstOrDefault();
            extras.AddRange(found.Where(o => o != keeper));
            changes.Add(keeper is null
                ? Make(ChangeAction.Create, resource, null, "missing", resource.Level)
                : Compare(resource, keeper));
        }

        var names = desired.Resources.Select(r => (r.Name, r.Kind)).ToHashSet();
        var orphans = observed.Resources.Where(o => !names.Contains((o.Name, o.Kind))).ToList();
        var replicas = desired.Resources
            .Where(r => r.Service is not null)
            .GroupBy(r => r.Service!)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        string WhyDelete(ObservedResource orphan) =>
            extras.Contains(orphan) ? "duplicate"
            : orphan.Service is { } service && replicas.TryGetValue(service, out var count)
                ? string.Create(CultureInfo.InvariantCulture, $"scaled down to {count} {(count == 1 ? "replica" : "replicas")}")
                : "not in blueprint";
        var after = desired.Resources.Count == 0 ? 0 : desired.Resources.Max(r => r.Level) + 1;
        changes.AddRange(Deletions([.. orphans, .. extras], after, WhyDelete));
        return changes;
    }

    private static Change Compare(DesiredResource resource, ObservedResource observed)
    {
        if (resource.Kind != ResourceKind.Container)
        {
            return Make(ChangeAction.NoOp, resource, observed, "exists", resource.Level);
        }

        if (observed.SpecHash != resource.SpecHash)
        {
            return Make(ChangeAction.Replace, resource, observed, WhatChanged(resource, observed), resource.Level);
        }

        return observed.State switch
        {
            ResourceState.Running => Make(ChangeAction.NoOp, resource, observed, "up to date", resource.Level),
            ResourceState.Restarting => Make(ChangeAction.NoOp, resource, observed, "restarting", resource.Level),
            ResourceState.Created or ResourceState.Exited => Make(ChangeAction.Update, resource, observed, "stopped", resource.Level),
            ResourceState.Paused => Make(ChangeAction.Update, resource, observed, "paused", resource.Level),
            _ => Make(ChangeAction.Replace, resource, observed, Word(observed.State), resource.Level),
        };
    }

    private static string WhatChanged(DesiredResource resource, ObservedResource observed)
    {
        var parts = new List<string>();
        if (observed.Image is { } before && resource.Container is { } spec && before != spec.Image)
        {
            parts.Add($"image changed {before} -> {spec.Image}");
        }

        var fields = resource.FieldHashes.Keys.Union(observed.FieldHashes.Keys)
            .Where(k => k != "image" && resource.FieldHashes.GetValueOrDefault(k) != observed.FieldHashes.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (observed.FieldHashes.Count > 0 && fields.Count > 0)
        {
            parts.Add($"{string.Join(", ", fields)} changed");
        }

        return parts.Count > 0 ? string.Join("; ", parts) : "spec changed";
    }

    private static List<Change> Destroy(ObservedState observed) => Deletions(observed.Resources, 0, _ => "destroy requested");

    /// <summary>Containers in reverse dependency order (dependents first), then volumes and the network.</summary>
    private static List<Change> Deletions(IReadOnlyCollection<ObservedResource> resources, int firstLevel, Func<ObservedResource, string> reason)
    {
        var containers = resources.Where(r => r.Kind == ResourceKind.Container).ToList();
        var top = containers.Count == 0 ? 0 : containers.Max(c => c.Level);
        var changes = containers
            .Select(c => Make(ChangeAction.Delete, null, c, reason(c), firstLevel + top - c.Level))
            .ToList();
        var last = firstLevel + top + 1;
        changes.AddRange(resources
            .Where(r => r.Kind != ResourceKind.Container)
            .Select(r => Make(ChangeAction.Delete, null, r, reason(r), last + (r.Kind == ResourceKind.Network ? 1 : 0))));
        return changes;
    }

    private static List<Change> Stop(DesiredState desired, ObservedState observed)
    {
        var containers = observed.Containers.ToList();
        var top = containers.Count == 0 ? 0 : containers.Max(c => c.Level);
        return
        [
            .. containers.Select(c => c.State is ResourceState.Running or ResourceState.Restarting or ResourceState.Paused
                ? Make(ChangeAction.Stop, desired.Find(c.Name), c, "stop requested", top - c.Level)
                : Make(ChangeAction.NoOp, desired.Find(c.Name), c, Word(c.State), top - c.Level)),
        ];
    }

    private static List<Change> StartOrRestart(DesiredState desired, ObservedState observed, bool restart) =>
    [
        .. observed.Containers.Select(c => c.State == ResourceState.Running
            ? restart
                ? Make(ChangeAction.Restart, desired.Find(c.Name), c, "restart requested", c.Level)
                : Make(ChangeAction.NoOp, desired.Find(c.Name), c, "running", c.Level)
            : Make(ChangeAction.Start, desired.Find(c.Name), c, Word(c.State), c.Level)),
    ];

    private static Change Make(ChangeAction action, DesiredResource? desired, ObservedResource? observed, string reason, int level) => new()
    {
        Action = action,
        Resource = desired?.Name ?? observed!.Name,
        ResourceKind = desired?.Kind ?? observed!.Kind,
        Reason = reason,
        Level = level,
        Desired = desired,
        Observed = observed,
    };

    private static string Word(ResourceState state) => state switch
    {
        ResourceState.Exited or ResourceState.Created => "stopped",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>Levels become 0..n-1 without gaps; inside a level: network, volumes, then containers by service and replica.</summary>
    private static List<Change> Renumber(List<Change> changes)
    {
        var levels = changes.Select(c => c.Level).Distinct().Order().Select((level, index) => (level, index)).ToDictionary(p => p.level, p => p.index);
        return
        [
            .. changes
                .Select(c => c with { Level = levels[c.Level] })
                .OrderBy(c => c.Level)
                .ThenBy(c => c.ResourceKind)
                .ThenBy(c => c.Service, StringComparer.Ordinal)
                .ThenBy(c => c.Desired?.Replica ?? c.Observed?.Replica ?? 0)
                .ThenBy(c => c.Resource, StringComparer.Ordinal)
                .ThenBy(c => c.Observed?.ProviderId, StringComparer.Ordinal),
        ];
    }

    /// <summary>Covers what would be done and why; not provider ids or timestamps, so re-planning the same situation gives the same hash.</summary>
    private static string Hash(PlanKind kind, StackIdentity stack, IReadOnlyList<Change> changes)
    {
        var node = new JsonObject
        {
            ["kind"] = YamlWords.Of(kind),
            ["stack"] = stack.Id.ToString("N"),
            ["changes"] = new JsonArray([.. changes.Select(c => (JsonNode)new JsonObject
            {
                ["level"] = c.Level,
                ["action"] = YamlWords.Of(c.Action),
                ["resource"] = c.Resource,
                ["resource_kind"] = YamlWords.Of(c.ResourceKind),
                ["reason"] = c.Reason,
                ["desired"] = c.Desired?.SpecHash,
                ["observed"] = c.Observed?.SpecHash,
            })]),
        };
        return SpecHasher.Sha256(BlueprintCanonicalJson.Serialize(node));
    }
}
