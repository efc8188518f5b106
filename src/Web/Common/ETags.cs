using Microsoft.Net.Http.Headers;
using Paddock.Core.Common;

namespace Paddock.Web.Common;

/// <summary>ETags are the row's xmin version: If-Match with a stale one gets 412 instead of overwriting.</summary>
internal static class ETags
{
    public static string Format(uint version) => $"\"{version}\"";

    /// <summary>False only when If-Match is present but not one of our ETags; no header means "no precondition".</summary>
    public static bool TryParseIfMatch(HttpContext http, out uint? expected)
    {
        expected = null;
        var header = http.Request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(header) || header == "*")
        {
            return true;
        }

        var trimmed = header.Trim();
        if (trimmed.StartsWith("W/", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        if (uint.TryParse(trimmed.Trim('"'), out var version))
        {
            expected = version;
            return true;
        }

        return false;
    }

    public static IResult MalformedIfMatch() =>
        ValidationError.For("If-Match", "If-Match must be an ETag returned by this API, for example \"1234\".").ToProblem();
}
