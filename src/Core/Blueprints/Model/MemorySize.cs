using System.Globalization;

namespace Paddock.Core.Blueprints;

/// <summary>
/// A memory amount in bytes, written with Kubernetes-style suffixes: binary <c>Ki Mi Gi Ti</c> (1024-based)
/// and decimal <c>k M G T</c> (1000-based); a bare number is bytes.
/// </summary>
public readonly record struct MemorySize(long Bytes)
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("Ti", 1L << 40), ("Gi", 1L << 30), ("Mi", 1L << 20), ("Ki", 1L << 10),
        ("T", 1_000_000_000_000L), ("G", 1_000_000_000L), ("M", 1_000_000L), ("k", 1_000L), ("K", 1_000L),
    ];

    public static MemorySize FromMebibytes(long mebibytes) => new(mebibytes << 20);

    public static bool TryParse(string? text, out MemorySize size)
    {
        size = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        foreach (var (suffix, factor) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return TryScale(text[..^suffix.Length], factor, out size);
            }
        }

        return TryScale(text, 1, out size);
    }

    public static MemorySize Parse(string text) =>
        TryParse(text, out var size) ? size : throw new FormatException($"'{text}' is not a memory size such as 256Mi or 1Gi.");

    /// <summary>The shortest exact form: the largest unit that divides the amount, binary units first.</summary>
    public override string ToString()
    {
        foreach (var (suffix, factor) in Units)
        {
            if (suffix != "K" && Bytes != 0 && Bytes % factor == 0)
            {
                return (Bytes / factor).ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }

        return Bytes.ToString(CultureInfo.InvariantCulture);
    }

    private static bool TryScale(string number, long factor, out MemorySize size)
    {
        size = default;
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return false;
        }

        var bytes = value * factor;
        if (bytes > long.MaxValue || bytes != decimal.Truncate(bytes))
        {
            return false;
        }

        size = new MemorySize((long)bytes);
        return true;
    }
}
