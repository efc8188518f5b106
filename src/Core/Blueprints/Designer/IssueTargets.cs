namespace Paddock.Core.Blueprints.Designer;

/// <summary>A dependency edge on the canvas: <see cref="From"/> depends on <see cref="To"/>.</summary>
public readonly record struct DesignerEdge(string From, string To);

/// <summary>Which nodes and edges the validator's issues concern, so the canvas can mark them where the problem is.</summary>
public sealed record IssueTargets(IReadOnlyDictionary<string, IReadOnlyList<BlueprintIssue>> Services, IReadOnlyDictionary<DesignerEdge, IReadOnlyList<BlueprintIssue>> Edges)
{
    public static IssueTargets None { get; } = new(new Dictionary<string, IReadOnlyList<BlueprintIssue>>(), new Dictionary<DesignerEdge, IReadOnlyList<BlueprintIssue>>());

    public static IssueTargets For(BlueprintSpec? spec, IReadOnlyList<BlueprintIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (spec is null)
        {
            return None;
        }

        var services = new Dictionary<string, List<BlueprintIssue>>(StringComparer.Ordinal);
        var edges = new Dictionary<DesignerEdge, List<BlueprintIssue>>();
        var cycleIssues = issues.Where(i => i.Message.StartsWith("Dependency cycle", StringComparison.Ordinal)).ToList();
        foreach (var issue in issues.Except(cycleIssues))
        {
            if (ServiceOf(spec, issue.Path) is not { } name)
            {
                continue;
            }

            var rest = issue.Path[$"services.{name}".Length..];
            const string dependsOn = ".depends_on.";
            if (rest.StartsWith(dependsOn, StringComparison.Ordinal) && spec.FindService(rest[dependsOn.Length..]) is not null)
            {
                Add(edges, new DesignerEdge(name, rest[dependsOn.Length..]), issue);
            }
            else
            {
                Add(services, name, issue);
            }
        }

        // Every edge of every cycle is marked, each with the message that names the whole path.
        foreach (var cycle in DependencyCycles.Find(spec.Services))
        {
            var issue = cycleIssues.FirstOrDefault(i => i.Path == $"services.{cycle[0]}.depends_on")
                ?? BlueprintIssue.Error($"services.{cycle[0]}.depends_on", $"Dependency cycle: {string.Join(" -> ", cycle)}.");
            for (var i = 0; i < cycle.Count - 1; i++)
            {
                Add(edges, new DesignerEdge(cycle[i], cycle[i + 1]), issue);
            }
        }

        return new(services.ToDictionary(p => p.Key, p => (IReadOnlyList<BlueprintIssue>)p.Value, StringComparer.Ordinal),
            edges.ToDictionary(p => p.Key, p => (IReadOnlyList<BlueprintIssue>)p.Value));
    }

    public IReadOnlyList<BlueprintIssue> ForService(string name) => Services.TryGetValue(name, out var found) ? found : [];

    public IReadOnlyList<BlueprintIssue> ForEdge(DesignerEdge edge) => Edges.TryGetValue(edge, out var found) ? found : [];

    // Service names may not contain dots, but a wrong one in YAML might: match the longest known name.
    private static string? ServiceOf(BlueprintSpec spec, string path) =>
        path.StartsWith("services.", StringComparison.Ordinal)
            ? spec.Services.Select(s => s.Name)
                .Where(n => path.Length == "services.".Length + n.Length ? path.EndsWith(n, StringComparison.Ordinal) : path.StartsWith($"services.{n}.", StringComparison.Ordinal) || path.StartsWith($"services.{n}[", StringComparison.Ordinal))
                .OrderByDescending(n => n.Length)
                .FirstOrDefault()
            : null;

    private static void Add<TKey>(Dictionary<TKey, List<BlueprintIssue>> map, TKey key, BlueprintIssue issue)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(issue);
    }
}
