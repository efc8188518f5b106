using System.Globalization;
using Paddock.Core.Blueprints;

namespace Paddock.Web.Blueprints.Designer;

/// <summary>The text forms the panels edit (one value a line, shell words, durations), read back with the reason when one does not parse.</summary>
internal static class TextForms
{
    public static string Lines(IReadOnlyDictionary<string, string> map) => string.Join('\n', map.Select(p => $"{p.Key}={p.Value}"));

    public static string Lines(IEnumerable<string> values) => string.Join('\n', values);

    public static string Words(IReadOnlyList<string> words) =>
        string.Join(' ', words.Select(w => w.Length > 0 && w.All(c => !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '\\')) ? w : $"\"{w.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\""));

    public static string Ports(IReadOnlyList<PortSpec> ports) => string.Join(", ", ports.Select(PortSyntax.Format).Select(p => p.EndsWith("/tcp", StringComparison.Ordinal) ? p[..^4] : p));

    public static string? Volume(VolumeSpec volume) => VolumeSyntax.TryFormat(volume);

    public static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Duration(TimeSpan value) => Durations.Format(value);

    /// <summary><c>KEY=value</c> lines; blank lines are skipped.</summary>
    public static (IReadOnlyDictionary<string, string>? Map, string? Error) ParseMap(string? text)
    {
        var map = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || line[..eq].Trim().Length == 0)
            {
                return (null, $"Line {number}: write KEY=value.");
            }

            var key = line[..eq].Trim();
            if (!seen.Add(key))
            {
                return (null, $"Line {number}: '{key}' is set twice.");
            }

            map.Add(KeyValuePair.Create(key, line[(eq + 1)..]));
        }

        return (new ValueDictionary<string>(map), null);
    }

    /// <summary>Ports separated by commas or spaces, each as <c>[host_ip:][host:]container[/tcp|udp]</c>.</summary>
    public static (IReadOnlyList<PortSpec>? Ports, string? Error) ParsePorts(string? text)
    {
        var ports = new List<PortSpec>();
        foreach (var part in (text ?? "").Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!PortSyntax.TryParse(part, out var port, out var error))
            {
                return (null, error);
            }

            ports.Add(port);
        }

        return (ports, null);
    }

    /// <summary>One volume a line: <c>source:/target[:ro]</c>.</summary>
    public static (IReadOnlyList<VolumeSpec>? Volumes, string? Error) ParseVolumes(string? text)
    {
        var volumes = new List<VolumeSpec>();
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!VolumeSyntax.TryParse(line, out var volume, out var error))
            {
                return (null, $"Line {number}: {error}");
            }

            volumes.Add(volume);
        }

        return (volumes, null);
    }

    public static (IReadOnlyList<string>? Words, string? Error) ParseWords(string? text)
    {
        try
        {
            return (ShellWords.Split(text ?? ""), null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    public static (MemorySize? Size, string? Error) ParseMemory(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (null, null)
        : MemorySize.TryParse(text, out var size) ? (size, null)
        : (null, $"'{text.Trim()}' is not a memory size such as 256Mi or 1Gi.");

    public static (decimal? Value, string? Error) ParseCpu(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (null, null)
        : decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cpu) ? (cpu, null)
        : (null, $"'{text.Trim()}' is not a number of cores such as 0.5 or 2.");

    public static (TimeSpan? Value, string? Error) ParseDuration(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (null, null)
        : Durations.TryParse(text, out var value) ? (value, null)
        : (null, $"'{text.Trim()}' is not a duration such as 10s, 1m30s or 500ms.");

    public static (int? Value, string? Error) ParseInt(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? (null, null)
        : int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? (value, null)
        : (null, $"'{text.Trim()}' is not a whole number of {what}.");
}
