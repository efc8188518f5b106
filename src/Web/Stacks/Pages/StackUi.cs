using MudBlazor;
using Paddock.Core.Stacks;

namespace Paddock.Web.Stacks.Pages;

/// <summary>How stacks, operations and plan changes look everywhere: one colour per state, durations as people say them.</summary>
internal static class StackUi
{
    public static Color Color(StackStatus status) => status switch
    {
        StackStatus.Running => MudBlazor.Color.Success,
        StackStatus.Deploying or StackStatus.Pending => MudBlazor.Color.Info,
        StackStatus.Destroying => MudBlazor.Color.Warning,
        StackStatus.Failed => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static Color Color(OperationStatus status) => status switch
    {
        OperationStatus.Succeeded => MudBlazor.Color.Success,
        OperationStatus.Queued or OperationStatus.Running or OperationStatus.Planned => MudBlazor.Color.Info,
        OperationStatus.AwaitingApproval => MudBlazor.Color.Warning,
        OperationStatus.Failed or OperationStatus.Rejected => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static Color Color(ChangeAction action) => action switch
    {
        ChangeAction.Create or ChangeAction.Start => MudBlazor.Color.Success,
        ChangeAction.Update or ChangeAction.Restart => MudBlazor.Color.Info,
        ChangeAction.Replace or ChangeAction.Stop => MudBlazor.Color.Warning,
        ChangeAction.Delete => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static Color Color(ResourceState state) => state switch
    {
        ResourceState.Running => MudBlazor.Color.Success,
        ResourceState.Created or ResourceState.Restarting => MudBlazor.Color.Info,
        ResourceState.Exited or ResourceState.Paused => MudBlazor.Color.Warning,
        ResourceState.Dead => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static Color Color(HealthState health) => health switch
    {
        HealthState.Healthy => MudBlazor.Color.Success,
        HealthState.Starting => MudBlazor.Color.Info,
        HealthState.Unhealthy => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static string Icon(ChangeAction action) => action switch
    {
        ChangeAction.Create => Icons.Material.Filled.AddCircleOutline,
        ChangeAction.Update => Icons.Material.Filled.Sync,
        ChangeAction.Replace => Icons.Material.Filled.SwapHoriz,
        ChangeAction.Delete => Icons.Material.Filled.RemoveCircleOutline,
        ChangeAction.Start => Icons.Material.Filled.PlayArrow,
        ChangeAction.Stop => Icons.Material.Filled.Stop,
        ChangeAction.Restart => Icons.Material.Filled.RestartAlt,
        _ => Icons.Material.Filled.HorizontalRule,
    };

    /// <summary>"just now", "3 min ago", "2 h ago".</summary>
    public static string Age(DateTimeOffset at, DateTimeOffset now) => now - at < TimeSpan.FromMinutes(1) ? "just now" : $"{Span(now - at)} ago";

    /// <summary>"in 3 h 10 min", "expired", or "never".</summary>
    public static string TimeLeft(DateTimeOffset? expiresAt, DateTimeOffset now) => expiresAt switch
    {
        null => "never",
        { } at when at <= now => "expired",
        { } at => $"in {Span(at - now)}",
    };

    private static string Span(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "less than a minute",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 1 } when span.Minutes == 0 => $"{(int)span.TotalHours} h",
        { TotalDays: < 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        { TotalDays: < 2 } when span.Hours > 0 => $"1 d {span.Hours} h",
        _ => $"{(int)span.TotalDays} d",
    };
}
