using Paddock.Core.Common;
using Paddock.Core.Identity;
using Paddock.Core.Notifications;
using Paddock.Web.Api;
using Paddock.Web.Common;
using Paddock.Web.Identity;

namespace Paddock.Web.Notifications;

/// <summary>Notification channels, rules, templates, webhooks and the delivery log of a project; all need notifications.manage.</summary>
internal static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("/api/v1/projects/{projectId:guid}");

        var channels = project.MapGroup("/notification-channels").WithTags("Notifications");
        channels.MapGet("/", ListChannelsAsync).RequirePermission(Permission.NotificationsManage);
        channels.MapPost("/", CreateChannelAsync).RequirePermission(Permission.NotificationsManage);
        channels.MapGet("/{channelId:guid}", GetChannelAsync).RequirePermission(Permission.NotificationsManage);
        channels.MapPut("/{channelId:guid}", UpdateChannelAsync).RequirePermission(Permission.NotificationsManage);
        channels.MapDelete("/{channelId:guid}", DeleteChannelAsync).RequirePermission(Permission.NotificationsManage);
        channels.MapPost("/{channelId:guid}/test", TestChannelAsync).RequirePermission(Permission.NotificationsManage);

        var rules = project.MapGroup("/notification-rules").WithTags("Notifications");
        rules.MapGet("/", GetRulesAsync).RequirePermission(Permission.NotificationsManage);
        rules.MapPut("/", SetRulesAsync).RequirePermission(Permission.NotificationsManage);

        var templates = project.MapGroup("/notification-templates").WithTags("Notifications");
        templates.MapGet("/", ListTemplatesAsync).RequirePermission(Permission.NotificationsManage);
        templates.MapPost("/preview", PreviewAsync).RequirePermission(Permission.NotificationsManage);
        templates.MapPut("/{eventType}", SaveTemplateAsync).RequirePermission(Permission.NotificationsManage);
        templates.MapDelete("/{eventType}", ResetTemplateAsync).RequirePermission(Permission.NotificationsManage);

        var webhooks = project.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapGet("/", ListWebhooksAsync).RequirePermission(Permission.NotificationsManage);
        webhooks.MapPost("/", CreateWebhookAsync).RequirePermission(Permission.NotificationsManage);
        webhooks.MapPut("/{webhookId:guid}", UpdateWebhookAsync).RequirePermission(Permission.NotificationsManage);
        webhooks.MapDelete("/{webhookId:guid}", DeleteWebhookAsync).RequirePermission(Permission.NotificationsManage);

        var deliveries = project.MapGroup("/deliveries").WithTags("Webhooks", "Notifications");
        deliveries.MapGet("/", ListDeliveriesAsync).RequirePermission(Permission.NotificationsManage);
        deliveries.MapGet("/{deliveryId:guid}", GetDeliveryAsync).RequirePermission(Permission.NotificationsManage);
        deliveries.MapPost("/{deliveryId:guid}/redeliver", RedeliverAsync).RequirePermission(Permission.NotificationsManage);
        return app;
    }

    private static async Task<IResult> ListChannelsAsync(Guid projectId, ChannelKind? kind, [AsParameters] ListQuery page, ListChannels.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId), ct)).Map(channels => (IReadOnlyList<ChannelDto>)[.. channels.Where(c => kind is null || c.Kind == kind)])
            .ToPage(page, c => c.Id.ToString(), "name", new Dictionary<string, Func<ChannelDto, string>>
            {
                ["name"] = c => c.Name,
                ["kind"] = c => c.Kind.ToString(),
                ["createdAt"] = c => Paging.Date(c.CreatedAt),
            });

    private static async Task<IResult> GetChannelAsync(Guid projectId, Guid channelId, GetChannel.Handler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new(projectId, channelId), ct);
        if (result.IsSuccess)
        {
            http.Response.Headers.ETag = ETags.Format(result.Value.Version);
        }

        return result.ToHttpResult();
    }

    private static async Task<IResult> CreateChannelAsync(Guid projectId, ChannelRequest request, CreateChannel.Handler handler, CancellationToken ct)
    {
        if (request.ParseKind() is { IsSuccess: false } bad)
        {
            return bad.Error!.ToProblem();
        }

        return (await handler.HandleAsync(new(projectId, request.ParseKind().Value, request.ToSettings(), request.EventTypes), ct))
            .ToCreatedResult(c => $"/api/v1/projects/{projectId}/notification-channels/{c.Id}");
    }

    private static async Task<IResult> UpdateChannelAsync(Guid projectId, Guid channelId, ChannelRequest request, UpdateChannel.Handler handler, HttpContext http,
        CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(http, out var expected))
        {
            return ETags.MalformedIfMatch();
        }

        var result = await handler.HandleAsync(new(projectId, channelId, request.ToSettings(), request.EventTypes, expected), ct);
        if (result.IsSuccess)
        {
            http.Response.Headers.ETag = ETags.Format(result.Value.Version);
        }

        return result.ToHttpResult();
    }

    private static async Task<IResult> DeleteChannelAsync(Guid projectId, Guid channelId, DeleteChannel.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, channelId), ct)).ToNoContentResult();

    private static async Task<IResult> TestChannelAsync(Guid projectId, Guid channelId, TestRequest? request, TestChannel.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, channelId, request?.EventType), ct)).ToHttpResult();

    private static async Task<IResult> GetRulesAsync(Guid projectId, GetRules.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId), ct)).ToHttpResult();

    private static async Task<IResult> SetRulesAsync(Guid projectId, RulesRequest request, SetRules.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, request.Rules?.Select(r => new RuleDto(r.EventType ?? "", r.ChannelId ?? Guid.Empty)).ToList()), ct)).ToHttpResult();

    private static async Task<IResult> ListTemplatesAsync(Guid projectId, [AsParameters] ListQuery page, ListTemplates.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId), ct)).ToPage(page, t => t.EventType, "eventType",
            new Dictionary<string, Func<TemplateDto, string>> { ["eventType"] = t => t.EventType });

    private static async Task<IResult> SaveTemplateAsync(Guid projectId, string eventType, TemplateRequest request, SaveTemplate.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, eventType, request.Subject, request.Body), ct)).ToHttpResult();

    private static async Task<IResult> ResetTemplateAsync(Guid projectId, string eventType, ResetTemplate.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, eventType), ct)).ToHttpResult();

    private static async Task<IResult> PreviewAsync(Guid projectId, PreviewRequest request, PreviewTemplate.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, request.EventType, request.Subject, request.Body), ct)).ToHttpResult();

    private static async Task<IResult> ListWebhooksAsync(Guid projectId, [AsParameters] ListQuery page, ListWebhooks.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId), ct)).ToPage(page, w => w.Id.ToString(), "createdAt", new Dictionary<string, Func<WebhookDto, string>>
        {
            ["createdAt"] = w => Paging.Date(w.CreatedAt),
            ["url"] = w => w.Url,
        });

    private static async Task<IResult> CreateWebhookAsync(Guid projectId, WebhookRequest request, CreateWebhook.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, request.ToSettings(), request.Secret), ct))
            .ToCreatedResult(w => $"/api/v1/projects/{projectId}/webhooks/{w.Webhook.Id}");

    private static async Task<IResult> UpdateWebhookAsync(Guid projectId, Guid webhookId, WebhookRequest request, UpdateWebhook.Handler handler, HttpContext http,
        CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(http, out var expected))
        {
            return ETags.MalformedIfMatch();
        }

        var result = await handler.HandleAsync(new(projectId, webhookId, request.ToSettings(), request.Secret, request.RotateSecret ?? false, expected), ct);
        if (result.IsSuccess)
        {
            http.Response.Headers.ETag = ETags.Format(result.Value.Webhook.Version);
        }

        return result.ToHttpResult();
    }

    private static async Task<IResult> DeleteWebhookAsync(Guid projectId, Guid webhookId, DeleteWebhook.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, webhookId), ct)).ToNoContentResult();

    private static async Task<IResult> ListDeliveriesAsync(Guid projectId, Guid? targetId, string? targetKind, string? status, Guid? cursor, int? limit,
        ListDeliveries.Handler handler, CancellationToken ct)
    {
        DeliveryTargetKind? kind = null;
        if (!string.IsNullOrEmpty(targetKind))
        {
            if (!Enum.TryParse<DeliveryTargetKind>(targetKind, ignoreCase: true, out var value) || !Enum.IsDefined(value))
            {
                return ValidationError.For("targetKind", $"Target kind must be one of {string.Join(", ", Enum.GetNames<DeliveryTargetKind>())}.").ToProblem();
            }

            kind = value;
        }

        DeliveryStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var value) || !Enum.IsDefined(value))
            {
                return ValidationError.For("status", $"Status must be one of {string.Join(", ", Enum.GetNames<DeliveryStatus>())}.").ToProblem();
            }

            parsed = value;
        }

        return (await handler.HandleAsync(new(projectId, targetId, parsed, cursor, limit ?? 50, kind), ct)).ToHttpResult();
    }

    private static async Task<IResult> GetDeliveryAsync(Guid projectId, Guid deliveryId, GetDelivery.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, deliveryId), ct)).ToHttpResult();

    private static async Task<IResult> RedeliverAsync(Guid projectId, Guid deliveryId, Redeliver.Handler handler, CancellationToken ct) =>
        await handler.HandleAsync(new(projectId, deliveryId), ct) is { IsSuccess: false } failed ? failed.Error!.ToProblem() : TypedResults.Accepted((string?)null);
}

/// <summary>
/// A channel as clients send it. <c>url</c> is the Slack incoming webhook or webhook URL, <c>smsAuthToken</c> the SMS
/// API token: both write-only (left out on update keeps the stored value).
/// </summary>
internal sealed record ChannelRequest(
    string? Name,
    string? Kind,
    bool? Enabled,
    string? Url,
    List<string?>? Recipients,
    string? SmsBaseUrl,
    string? SmsAccountSid,
    string? SmsAuthToken,
    string? SmsFrom,
    List<string>? EventTypes)
{
    public Result<ChannelKind?> ParseKind()
    {
        if (string.IsNullOrWhiteSpace(Kind))
        {
            return (ChannelKind?)null;
        }

        return Enum.TryParse<ChannelKind>(Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : ValidationError.For("kind", $"'{Kind}' is not a channel kind: use one of {string.Join(", ", Enum.GetNames<ChannelKind>())}.");
    }

    public ChannelSettings ToSettings() => new(
        Name ?? "",
        Enabled ?? true,
        (Recipients ?? []).Select(r => r ?? "").ToList(),
        string.IsNullOrWhiteSpace(Url) ? (string.IsNullOrWhiteSpace(SmsAuthToken) ? null : SmsAuthToken) : Url,
        string.IsNullOrWhiteSpace(SmsBaseUrl) ? null : SmsBaseUrl,
        SmsAccountSid,
        SmsFrom);
}

internal sealed record TestRequest(string? EventType);

internal sealed record RulesRequest(List<RuleRequest>? Rules);

internal sealed record RuleRequest(string? EventType, Guid? ChannelId);

internal sealed record TemplateRequest(string? Subject, string? Body);

internal sealed record PreviewRequest(string? EventType, string? Subject, string? Body);

internal sealed record WebhookRequest(string? Url, string? Description, List<string>? EventTypes, bool? Enabled, string? Secret, bool? RotateSecret)
{
    public WebhookSettings ToSettings() => new(Url ?? "", Description, EventTypes ?? [], Enabled ?? true);
}
