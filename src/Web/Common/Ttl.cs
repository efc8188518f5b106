namespace Paddock.Web.Common;

internal static class Ttl
{
    /// <summary>"4 h", "2 d 6 h", or "none" — how people say durations.</summary>
    public static string Format(TimeSpan? ttl) => ttl switch
    {
        null => "none",
        { TotalDays: >= 1 } t when t.Hours == 0 => $"{(int)t.TotalDays} d",
        { TotalDays: >= 1 } t => $"{(int)t.TotalDays} d {t.Hours} h",
        { TotalHours: >= 1 } t when t.Minutes == 0 => $"{(int)t.TotalHours} h",
        var t => $"{(int)t.Value.TotalMinutes} min",
    };
}
