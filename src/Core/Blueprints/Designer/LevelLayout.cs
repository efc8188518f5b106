namespace Paddock.Core.Blueprints.Designer;

/// <summary>
/// Auto-layout by dependency levels: services that depend on nothing form the first column, each other service sits
/// one column right of its deepest dependency, so every edge points left, in start order read right to left.
/// </summary>
public static class LevelLayout
{
    public const double ColumnWidth = 260;
    public const double RowHeight = 110;

    public static IReadOnlyDictionary<string, int> Levels(BlueprintSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);

        int Level(ServiceSpec service)
        {
            if (levels.TryGetValue(service.Name, out var known))
            {
                return known;
            }

            // An edge back into the path (a cycle) counts as no dependency, so a cyclic blueprint still lays out.
            if (!visiting.Add(service.Name))
            {
                return -1;
            }

            var level = 0;
            foreach (var dependency in service.DependsOn)
            {
                if (spec.FindService(dependency.Service) is { } target && !visiting.Contains(target.Name))
                {
                    level = Math.Max(level, Level(target) + 1);
                }
            }

            visiting.Remove(service.Name);
            levels[service.Name] = level;
            return level;
        }

        foreach (var service in spec.Services)
        {
            Level(service);
        }

        return levels;
    }

    public static BlueprintLayout Arrange(BlueprintSpec spec)
    {
        var levels = Levels(spec);
        var rows = new Dictionary<int, int>();
        var positions = new List<KeyValuePair<string, LayoutPosition>>();
        foreach (var service in spec.Services)
        {
            var level = levels[service.Name];
            var row = rows.GetValueOrDefault(level);
            rows[level] = row + 1;
            positions.Add(KeyValuePair.Create(service.Name, new LayoutPosition(120 + (level * ColumnWidth), 80 + (row * RowHeight))));
        }

        return new BlueprintLayout { Positions = new ValueDictionary<LayoutPosition>(positions) };
    }

    /// <summary>The layout with a position for every service: services the layout does not place go below the placed ones.</summary>
    public static BlueprintLayout Complete(BlueprintSpec spec, BlueprintLayout layout)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(layout);
        var missing = spec.Services.Where(s => !layout.Positions.ContainsKey(s.Name)).ToList();
        if (missing.Count == 0)
        {
            return layout;
        }

        if (layout.Positions.Count == 0)
        {
            return Arrange(spec);
        }

        var bottom = layout.Positions.Values.Max(p => p.Y) + RowHeight;
        var positions = layout.Positions.ToList();
        positions.AddRange(missing.Select((s, i) => KeyValuePair.Create(s.Name, new LayoutPosition(120 + ((i % 6) * ColumnWidth), bottom + ((i / 6) * RowHeight)))));
        return new BlueprintLayout { Positions = new ValueDictionary<LayoutPosition>(positions) };
    }
}
