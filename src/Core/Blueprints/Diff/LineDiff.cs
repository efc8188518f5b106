using System.Globalization;
using System.Text;

namespace Paddock.Core.Blueprints;

/// <summary>A line-based unified diff over a longest-common-subsequence table; fine for blueprint-sized texts.</summary>
public static class LineDiff
{
    public static string Unified(string before, string after, string beforeName = "a", string afterName = "b", int context = 3)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Lines(before);
        var b = Lines(after);
        var edits = Edits(a, b);
        if (edits.All(e => e.Op == ' '))
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(beforeName).Append('\n').Append("+++ ").Append(afterName).Append('\n');
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Op == ' ')
            {
                i++;
                continue;
            }

            // A hunk: from `context` lines before this change to `context` lines after the last change within reach.
            var start = Math.Max(0, i - context);
            var end = i;
            while (end < edits.Count)
            {
                var next = edits.FindIndex(end, e => e.Op != ' ');
                if (next < 0 || next - end > 2 * context)
                {
                    break;
                }

                end = next + 1;
            }

            end = Math.Min(edits.Count, end + context);
            var hunk = edits.GetRange(start, end - start);
            var aStart = edits.Take(start).Count(e => e.Op != '+');
            var bStart = edits.Take(start).Count(e => e.Op != '-');
            var aCount = hunk.Count(e => e.Op != '+');
            var bCount = hunk.Count(e => e.Op != '-');
            text.Append(CultureInfo.InvariantCulture, $"@@ -{Range(aStart, aCount)} +{Range(bStart, bCount)} @@\n");
            foreach (var (op, line) in hunk)
            {
                text.Append(op).Append(line).Append('\n');
            }

            i = end;
        }

        return text.ToString();
    }

    private static string Range(int start, int count) =>
        count == 0 ? $"{start.ToString(CultureInfo.InvariantCulture)},0" : $"{(start + 1).ToString(CultureInfo.InvariantCulture)},{count.ToString(CultureInfo.InvariantCulture)}";

    private static string[] Lines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static List<(char Op, string Line)> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(('-', a[x++]));
            }
            else
            {
                edits.Add(('+', b[y++]));
            }
        }

        return edits;
    }
}
