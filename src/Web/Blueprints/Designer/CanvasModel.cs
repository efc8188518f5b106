using System.Globalization;
using Paddock.Core.Blueprints;
using Paddock.Core.Blueprints.Designer;

namespace Paddock.Web.Blueprints.Designer;

/// <summary>What the canvas draws; the only shape that crosses to the browser.</summary>
public sealed record CanvasModel(IReadOnlyList<CanvasNode> Nodes, IReadOnlyList<CanvasEdge> Edges)
{
    public static CanvasModel From(DesignerDocument doc, IssueTargets issues, IReadOnlyDictionary<string, string>? statuses = null)
    {
        var layout = LevelLayout.Complete(doc.Spec, doc.Layout);
        var nodes = doc.Spec.Services.Select(s =>
        {
            var at = layout.Positions[s.Name];
            var found = issues.ForService(s.Name);
            return new CanvasNode(s.Name, s.Kind == ServiceKind.Vm ? "vm" : "container", Icon(s), Shorten(s.Kind == ServiceKind.Vm ? s.MachineImage : s.Image), Detail(s),
                statuses?.GetValueOrDefault(s.Name), at.X, at.Y, Severity(found), string.Join("\n", found.Select(i => i.Message)));
        }).ToList();
        var edges = doc.Spec.Services
            .SelectMany(s => s.DependsOn.Where(d => doc.Spec.FindService(d.Service) is not null).Select(d => (From: s.Name, d.Service, d.Condition)))
            .Select(e =>
            {
                var found = issues.ForEdge(new DesignerEdge(e.From, e.Service));
                return new CanvasEdge(e.From, e.Service, e.Condition == DependencyCondition.Healthy ? "healthy" : "started", Severity(found), string.Join("\n", found.Select(i => i.Message)));
            })
            .ToList();
        return new(nodes, edges);
    }

    /// <summary>The kind icon, refined by what the image is, so a database reads as one at a glance.</summary>
    internal static string Icon(ServiceSpec service)
    {
        if (service.Kind == ServiceKind.Vm)
        {
            return "vm";
        }

        var image = service.Image?.ToLowerInvariant() ?? "";
        string[] databases = ["postgres", "mysql", "mariadb", "mongo", "cockroach", "mssql", "clickhouse"];
        string[] caches = ["redis", "memcached", "valkey", "keydb"];
        string[] webServers = ["nginx", "httpd", "caddy", "traefik", "haproxy", "envoy"];
        return databases.Any(image.Contains) ? "database"
            : caches.Any(image.Contains) ? "cache"
            : webServers.Any(image.Contains) ? "web"
            : service.Ports.Count == 0 && service.Image is not null ? "worker"
            : "container";
    }

    /// <summary>A long image reference keeps its end (name and tag), which is what tells services apart.</summary>
    internal static string? Shorten(string? image) => image is { Length: > 24 } ? $"…{image[^23..]}" : image;

    private static string Detail(ServiceSpec service)
    {
        var parts = new List<string> { $"×{service.Replicas.ToString(CultureInfo.InvariantCulture)}" };
        if (service.Ports.Count > 0)
        {
            var ports = string.Join(", ", service.Ports.Take(3).Select(p => p.HostPort is { } host ? $"{host}→{p.ContainerPort}" : p.ContainerPort.ToString(CultureInfo.InvariantCulture)));
            parts.Add(service.Ports.Count > 3 ? $"{ports} +{service.Ports.Count - 3}" : ports);
        }

        return string.Join(" · ", parts);
    }

    private static string Severity(IReadOnlyList<BlueprintIssue> issues) =>
        issues.Any(i => i.Severity == IssueSeverity.Error) ? "error" : issues.Count > 0 ? "warning" : "";
}

public sealed record CanvasNode(string Id, string Kind, string Icon, string? Image, string Detail, string? Status, double X, double Y, string Severity, string Tip);

public sealed record CanvasEdge(string From, string To, string Condition, string Severity, string Tip);
