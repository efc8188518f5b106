namespace Paddock.Core.Blueprints;

/// <summary>The short volume form <c>source:target[:ro|rw]</c>; a source that is a path makes a bind.</summary>
internal static class VolumeSyntax
{
    public static bool IsHostPath(string source) =>
        source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~') || source.StartsWith('$');

    public static bool TryParse(string text, out VolumeSpec volume, out string? error)
    {
        volume = null!;
        error = null;
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            error = $"'{text}' is not a volume such as data:/var/lib/data or ./conf:/etc/app:ro.";
            return false;
        }

        var readOnly = false;
        if (parts.Length == 3)
        {
            switch (parts[2])
            {
                case "ro": readOnly = true; break;
                case "rw": break;
                default: error = $"Unknown volume mode '{parts[2]}'; use ro or rw."; return false;
            }
        }

        volume = new VolumeSpec
        {
            Type = IsHostPath(parts[0]) ? VolumeType.Bind : VolumeType.Volume,
            Source = parts[0],
            Target = parts[1],
            ReadOnly = readOnly,
        };
        return true;
    }

    /// <summary>The short form, or null when it would read back differently (a bind whose source does not look like a path).</summary>
    public static string? TryFormat(VolumeSpec volume)
    {
        if (IsHostPath(volume.Source) != (volume.Type == VolumeType.Bind) || volume.Source.Contains(':', StringComparison.Ordinal) || volume.Target.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        return $"{volume.Source}:{volume.Target}{(volume.ReadOnly ? ":ro" : "")}";
    }
}
