namespace Paddock.Core.Blueprints;

/// <summary>Finds depends_on cycles, each reported once as a path that returns to its start (<c>web -> api -> web</c>).</summary>
internal static class DependencyCycles
{
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyList<ServiceSpec> services)
    {
        var edges = services
            .GroupBy(s => s.Name)
            .ToDictionary(g => g.Key, g => g.First().DependsOn.Select(d => d.Service).Where(n => services.Any(s => s.Name == n)).ToList());
        var state = new Dictionary<string, bool>(); // false: on the stack, true: done
        var stack = new List<string>();
        var cycles = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>();

        void Visit(string node)
        {
            state[node] = false;
            stack.Add(node);
            foreach (var next in edges[node])
            {
                if (!state.TryGetValue(next, out var done))
                {
                    Visit(next);
                }
                else if (!done)
                {
                    var cycle = stack.Skip(stack.IndexOf(next)).Append(next).ToList();
                    if (seen.Add(Key(cycle)))
                    {
                        cycles.Add(cycle);
                    }
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = true;
        }

        foreach (var name in edges.Keys)
        {
            if (!state.ContainsKey(name))
            {
                Visit(name);
            }
        }

        return cycles;
    }

    // A cycle is the same whichever member it starts from.
    private static string Key(List<string> cycle) => string.Join("|", cycle.Skip(1).Order(StringComparer.Ordinal));
}
