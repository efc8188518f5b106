using System.Globalization;

namespace Paddock.Workers.Providers.Docker;

/// <summary>The labels on every engine object Paddock makes; the observed state is rebuilt from them alone.</summary>
internal static class DockerLabels
{
    public const string Stack = "paddock.stack";
    public const string StackName = "paddock.stack-name";
    public const string Resource = "paddock.resource";
    public const string SpecHash = "paddock.spec-hash";
    public const string SpecFields = "paddock.spec-fields";
    public const string Service = "paddock.service";
    public const string Replica = "paddock.replica";
    public const string Level = "paddock.level";
    public const string Installation = "paddock.installation";

    /// <summary>Whether an object belongs to this installation: its label says so, or it has none (made before the label existed).</summary>
    public static bool IsOurs(IDictionary<string, string> labels, Guid? installation) =>
        installation is null || !labels.TryGetValue(Installation, out var owner) || owner == installation.Value.ToString("D");

    /// <summary>The installation label to add to an object's labels, when the installation is known.</summary>
    public static void AddInstallation(IDictionary<string, string> labels, Guid? installation)
    {
        if (installation is { } id)
        {
            labels[Installation] = id.ToString("D");
        }
    }

    public static IDictionary<string, IDictionary<string, bool>> StackFilter(Guid stackId) =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{Stack}={stackId:D}"] = true },
        };

    public static string FormatFields(IReadOnlyDictionary<string, string> fields) =>
        string.Join(',', fields.Select(f => $"{f.Key}={f.Value}"));

    public static IReadOnlyDictionary<string, string> ParseFields(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    public static int? Int(IDictionary<string, string>? labels, string key) =>
        labels is not null && labels.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
