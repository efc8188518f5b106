using System.Globalization;

namespace Paddock.Core.Blueprints.Designer;

/// <summary>
/// The model changes the canvas can ask for. Each returns a new document, so the page keeps the previous one for undo,
/// and each keeps references consistent (a removed service leaves no dangling depends_on, override or position).
/// </summary>
public static class DesignerEdits
{
    /// <summary>An edge drawn from <paramref name="from"/> to <paramref name="to"/> means "from depends on to".</summary>
    public static DesignerDocument Connect(DesignerDocument doc, string from, string to, DependencyCondition condition = DependencyCondition.Started)
    {
        var service = doc.Spec.FindService(from);
        if (service is null || doc.Spec.FindService(to) is null || from == to || service.DependsOn.Any(d => d.Service == to))
        {
            return doc;
        }

        return Replace(doc, from, service with { DependsOn = [.. service.DependsOn, new DependencySpec(to, condition)] });
    }

    public static DesignerDocument Disconnect(DesignerDocument doc, string from, string to)
    {
        var service = doc.Spec.FindService(from);
        return service is null || service.DependsOn.All(d => d.Service != to)
            ? doc
            : Replace(doc, from, service with { DependsOn = [.. service.DependsOn.Where(d => d.Service != to)] });
    }

    public static DesignerDocument SetCondition(DesignerDocument doc, string from, string to, DependencyCondition condition)
    {
        var service = doc.Spec.FindService(from);
        return service is null
            ? doc
            : Replace(doc, from, service with { DependsOn = [.. service.DependsOn.Select(d => d.Service == to ? d with { Condition = condition } : d)] });
    }

    /// <summary>Adds a service from a palette template at a position, named after the template and made unique.</summary>
    public static (DesignerDocument Doc, string Name) Add(DesignerDocument doc, ServiceTemplate template, LayoutPosition at)
    {
        var name = UniqueName(doc.Spec, template.Service.Name);
        var variables = doc.Spec.Variables.ToList();
        variables.AddRange(template.RequiredVariables().Where(v => doc.Spec.FindVariable(v.Name) is null));
        var spec = doc.Spec with { Services = [.. doc.Spec.Services, template.Service with { Name = name }], Variables = variables };
        return (new DesignerDocument(spec, doc.Layout).WithLayout([.. doc.Layout.Positions, KeyValuePair.Create(name, at)]), name);
    }

    public static DesignerDocument Remove(DesignerDocument doc, IReadOnlyCollection<string> names)
    {
        if (names.Count == 0)
        {
            return doc;
        }

        var spec = doc.Spec with
        {
            Services = [.. doc.Spec.Services
                .Where(s => !names.Contains(s.Name))
                .Select(s => s with { DependsOn = [.. s.DependsOn.Where(d => !names.Contains(d.Service))] })],
            Environments = [.. doc.Spec.Environments.Select(e => e with { Services = [.. e.Services.Where(o => !names.Contains(o.Service))] })],
            Actions = [.. doc.Spec.Actions.Where(a => !names.Contains(a.Service))],
        };
        return new DesignerDocument(spec, doc.Layout).WithLayout(doc.Layout.Positions);
    }

    public static DesignerDocument Move(DesignerDocument doc, IEnumerable<KeyValuePair<string, LayoutPosition>> moved)
    {
        var positions = doc.Layout.Positions.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (name, at) in moved)
        {
            positions[name] = new LayoutPosition(Math.Round(at.X), Math.Round(at.Y));
        }

        // Keep the services' order so the layout section reads in the same order as the services.
        return doc.WithLayout(doc.Spec.Services.Where(s => positions.ContainsKey(s.Name)).Select(s => KeyValuePair.Create(s.Name, positions[s.Name])));
    }

    /// <summary>
    /// Puts an edited service in place of <paramref name="name"/>. A new name is carried into every reference
    /// (depends_on, overrides, actions, layout) so renaming never breaks the graph.
    /// </summary>
    public static DesignerDocument Replace(DesignerDocument doc, string name, ServiceSpec service)
    {
        var renamed = service.Name != name;
        string Rename(string n) => renamed && n == name ? service.Name : n;
        var spec = doc.Spec with
        {
            Services = [.. doc.Spec.Services.Select(s => s.Name == name ? service : s)
                .Select(s => renamed ? s with { DependsOn = [.. s.DependsOn.Select(d => d with { Service = Rename(d.Service) })] } : s)],
        };
        if (renamed)
        {
            spec = spec with
            {
                Environments = [.. spec.Environments.Select(e => e with { Services = [.. e.Services.Select(o => o with { Service = Rename(o.Service) })] })],
                Actions = [.. spec.Actions.Select(a => a with { Service = Rename(a.Service) })],
            };
        }

        return new DesignerDocument(spec, doc.Layout).WithLayout(doc.Layout.Positions.Select(p => KeyValuePair.Create(Rename(p.Key), p.Value)));
    }

    /// <summary>
    /// Pastes copied services under fresh names, offset from where they were; dependencies among the pasted ones
    /// point at the copies, dependencies on services outside the selection are kept.
    /// </summary>
    public static (DesignerDocument Doc, IReadOnlyList<string> Names) Paste(DesignerDocument doc, IReadOnlyList<ServiceSpec> copied,
        IReadOnlyDictionary<string, LayoutPosition> positions, double offset = 40)
    {
        var spec = doc.Spec;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in copied)
        {
            var name = UniqueName(spec, service.Name, names.Values);
            names[service.Name] = name;
        }

        var pasted = copied.Select(s => s with
        {
            Name = names[s.Name],
            DependsOn = [.. s.DependsOn
                .Select(d => names.TryGetValue(d.Service, out var copy) ? d with { Service = copy } : d)
                .Where(d => names.ContainsValue(d.Service) || spec.FindService(d.Service) is not null)],
        }).ToList();
        var layout = doc.Layout.Positions.ToList();
        var index = 0;
        foreach (var service in copied)
        {
            var at = positions.TryGetValue(service.Name, out var p) ? p : new LayoutPosition(80 + (index * 20), 80 + (index * 20));
            layout.Add(KeyValuePair.Create(names[service.Name], new LayoutPosition(at.X + offset, at.Y + offset)));
            index++;
        }

        var next = new DesignerDocument(spec with { Services = [.. spec.Services, .. pasted] }, doc.Layout).WithLayout(layout);
        return (next, [.. pasted.Select(s => s.Name)]);
    }

    public static string UniqueName(BlueprintSpec spec, string wanted, IEnumerable<string>? taken = null)
    {
        var used = new HashSet<string>(spec.Services.Select(s => s.Name).Concat(taken ?? []), StringComparer.Ordinal);
        var stem = wanted;
        var dash = wanted.LastIndexOf('-');
        if (dash > 0 && int.TryParse(wanted[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            stem = wanted[..dash];
        }

        if (!used.Contains(wanted))
        {
            return wanted;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
