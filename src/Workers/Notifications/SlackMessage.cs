using System.Text.Json.Nodes;
using Paddock.Core.Notifications;

namespace Paddock.Workers.Notifications;

/// <summary>
/// The Block Kit message posted to a Slack incoming webhook: a header, the body as mrkdwn, approve and reject URL
/// buttons when the event carries signed links, and a context line. <c>text</c> is the notification fallback.
/// </summary>
internal static class SlackMessage
{
    public static JsonObject Build(RenderedMessage message)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(message.Subject, 150), ["emoji"] = true },
            },
        };
        if (message.Body.Length > 0)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Truncate(Escape(message.Body), 3000) },
            });
        }

        var buttons = new JsonArray();
        if (message.ApproveUrl is { } approve)
        {
            buttons.Add(Button("Approve", approve, "primary", "approve"));
        }

        if (message.RejectUrl is { } reject)
        {
            buttons.Add(Button("Reject", reject, "danger", "reject"));
        }

        if (buttons.Count > 0)
        {
            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = buttons });
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = $"Paddock · `{message.EventType}`" } },
        });
        return new JsonObject { ["text"] = message.Subject, ["blocks"] = blocks };
    }

    private static JsonObject Button(string label, string url, string style, string actionId) => new()
    {
        ["type"] = "button",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
        ["url"] = url,
        ["style"] = style,
        ["action_id"] = actionId,
    };

    // Slack's mrkdwn treats &, < and > as control characters: they must be escaped, nothing else.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
