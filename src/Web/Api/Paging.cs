using System.Text;
using Paddock.Core.Common;
using Paddock.Web.Common;

namespace Paddock.Web.Api;

/// <summary>The query every list endpoint takes: <c>?limit=&amp;cursor=&amp;sort=</c> (a field, <c>-field</c> for descending).</summary>
internal sealed record ListQuery(int? Limit, string? Cursor, string? Sort);

/// <summary>One page of a list: <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Cursor pagination, the same on every list: items ordered by the chosen sort key and then by id, the cursor being the
/// last item's (key, id), so a page never repeats or skips an item when earlier ones are added or removed. Keys are
/// compared as ordinal strings (dates as fixed-width UTC ISO, numbers zero-padded) so the cursor is exact.
/// </summary>
internal static class Paging
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    public static IResult ToPage<T>(this Result<IReadOnlyList<T>> result, ListQuery query, Func<T, string> id, string defaultSort,
        IReadOnlyDictionary<string, Func<T, string>> sorts)
    {
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var page = Apply(result.Value, query, id, defaultSort, sorts);
        return page.IsSuccess ? TypedResults.Ok(page.Value) : page.Error!.ToProblem();
    }

    public static Result<Page<T>> Apply<T>(IReadOnlyList<T> items, ListQuery query, Func<T, string> id, string defaultSort,
        IReadOnlyDictionary<string, Func<T, string>> sorts)
    {
        var validator = new Validator();
        var limit = query.Limit ?? DefaultLimit;
        validator.When(limit is < 1 or > MaxLimit, "limit", $"limit must be between 1 and {MaxLimit}.");
        var sort = string.IsNullOrWhiteSpace(query.Sort) ? defaultSort : query.Sort.Trim();
        var descending = sort.StartsWith('-');
        var field = descending ? sort[1..] : sort;
        var key = sorts.FirstOrDefault(s => string.Equals(s.Key, field, StringComparison.OrdinalIgnoreCase)).Value;
        validator.When(key is null, "sort", $"'{sort}' is not a sort of this list. Use one of: {string.Join(", ", sorts.Keys)} (prefix - for descending).");
        (string Key, string Id)? after = null;
        if (!string.IsNullOrEmpty(query.Cursor))
        {
            after = DecodeCursor(query.Cursor, sort);
            validator.When(after is null, "cursor", "The cursor is not one this list returned with this sort; start again without a cursor.");
        }

        if (validator.ToError() is { } invalid)
        {
            return invalid;
        }

        var sign = descending ? -1 : 1;
        int Compare((string Key, string Id) a, (string Key, string Id) b)
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return sign * (byKey != 0 ? byKey : string.CompareOrdinal(a.Id, b.Id));
        }

        var ordered = items.Select(item => (Item: item, Position: (Key: key!(item), Id: id(item)))).ToList();
        ordered.Sort((a, b) => Compare(a.Position, b.Position));
        var remaining = after is { } cursor ? ordered.Where(o => Compare(o.Position, cursor) > 0) : ordered;
        var window = remaining.Take(limit + 1).ToList();
        var hasMore = window.Count > limit;
        if (hasMore)
        {
            window.RemoveAt(window.Count - 1);
        }

        var next = hasMore ? EncodeCursor(window[^1].Position, sort) : null;
        return new Page<T>(window.Select(w => w.Item).ToList(), next);
    }

    private static string EncodeCursor((string Key, string Id) position, string sort) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sort}\n{position.Key}\n{position.Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (string Key, string Id)? DecodeCursor(string cursor, string sort)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('\n');
            return parts.Length == 3 && parts[0] == sort ? (parts[1], parts[2]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
