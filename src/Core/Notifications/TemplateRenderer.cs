using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Paddock.Core.Events;

namespace Paddock.Core.Notifications;

/// <summary>
/// A message ready for a channel: subject, the body as written, the plain text (body plus the approve and reject links
/// when the event has them), HTML, and the links themselves (Slack renders them as buttons).
/// </summary>
public sealed record RenderedMessage(string EventType, string Subject, string Body, string Text, string Html, string? ApproveUrl, string? RejectUrl);

/// <summary>
/// Templates use <c>{{field}}</c> placeholders: any top-level field of the event's payload (camelCase), plus
/// <c>{{eventType}}</c>, <c>{{occurredAt}}</c> and <c>{{projectName}}</c>. A field the event does not have renders empty.
/// </summary>
public static partial class TemplateRenderer
{
    private static readonly Dictionary<string, (string Subject, string Body)> Defaults = new(StringComparer.Ordinal)
    {
        [EventTypes.StackLaunched] = ("Stack {{stackName}} is running", "Stack {{stackName}} in project {{projectName}} launched and is {{status}}.\n{{detail}}"),
        [EventTypes.StackFailed] = ("Stack {{stackName}} failed", "The {{operationKind}} operation of stack {{stackName}} in project {{projectName}} failed.\n{{detail}}"),
        [EventTypes.StackExpiring] = ("Stack {{stackName}} expires soon", "{{detail}}\nIt expires at {{expiresAt}}."),
        [EventTypes.StackDestroyed] = ("Stack {{stackName}} was destroyed", "Stack {{stackName}} in project {{projectName}} was destroyed.\n{{detail}}"),
        [EventTypes.DriftFound] = ("Drift found on stack {{stackName}}", "Stack {{stackName}} no longer matches its blueprint.\n{{detail}}"),
        // The approval.* and budget.* placeholders are the fields of ApprovalEventData and BudgetEventData (Core/Approvals).
        [EventTypes.ApprovalRequested] = ("Approval requested: {{operation}} of {{stackName}}",
            "{{requestedBy}} asks for approval to {{operation}} stack {{stackName}} in project {{projectName}}: about {{monthlyCost}} {{currency}} a month, {{approvalsRequired}} approval(s) needed.\nReason: {{reason}}\n{{url}}"),
        [EventTypes.ApprovalDecided] = ("Approval {{decision}}: {{operation}} of {{stackName}}",
            "{{decidedBy}} {{decision}} the request to {{operation}} stack {{stackName}} ({{approvalsGiven}} of {{approvalsRequired}} approvals): {{status}}.\n{{outcome}}\n{{url}}"),
        [EventTypes.ApprovalTimedOut] = ("Approval timed out: {{operation}} of {{stackName}}",
            "Nobody decided in time on the request to {{operation}} stack {{stackName}} in project {{projectName}}.\n{{outcome}}\n{{url}}"),
        [EventTypes.BudgetThresholdCrossed] = ("Budget {{percent}}% used in {{projectName}}",
            "The {{scope}} budget of project {{projectName}} passed {{percent}}%: {{spent}} {{currency}} spent and {{reserved}} {{currency}} reserved of {{amount}} {{currency}} this month."),
    };

    public static (string Subject, string Body) Default(string eventType) =>
        Defaults.TryGetValue(eventType, out var template) ? template : ("{{eventType}} in {{projectName}}", "{{detail}}");

    public static RenderedMessage Render(string eventType, string subject, string body, string payloadJson, string projectName, DateTimeOffset occurredAt)
    {
        var values = Values(payloadJson);
        values["eventType"] = eventType;
        values["occurredAt"] = Format(occurredAt);
        values["projectName"] = projectName;
        var renderedSubject = Collapse(Fill(subject, values)).Replace('\n', ' ');
        var renderedBody = Collapse(Fill(body, values));
        var text = renderedBody;
        values.TryGetValue("approveUrl", out var approve);
        values.TryGetValue("rejectUrl", out var reject);
        approve = string.IsNullOrWhiteSpace(approve) ? null : approve;
        reject = string.IsNullOrWhiteSpace(reject) ? null : reject;
        if (approve is not null || reject is not null)
        {
            text += "\n" + string.Join("\n", new[] { approve is null ? null : $"Approve: {approve}", reject is null ? null : $"Reject: {reject}" }.OfType<string>());
        }

        return new RenderedMessage(eventType, renderedSubject, renderedBody, text, Html(renderedSubject, renderedBody, approve, reject), approve, reject);
    }

    /// <summary>The placeholders a template uses that the sample event of its type does not have (likely typos).</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string eventType, string template)
    {
        var known = Values(SampleEvents.PayloadFor(eventType));
        known["eventType"] = known["occurredAt"] = known["projectName"] = "";
        return Placeholder().Matches(template).Select(m => m.Groups[1].Value).Where(name => !known.ContainsKey(name)).Distinct().ToList();
    }

    private static string Html(string subject, string text, string? approve, string? reject)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.Append("<h2>").Append(WebUtility.HtmlEncode(subject)).Append("</h2>");
        foreach (var line in text.Split('\n'))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }

        if (approve is not null || reject is not null)
        {
            html.Append("<p>");
            AppendButton(html, approve, "Approve", "#2e7d32");
            AppendButton(html, reject, "Reject", "#c62828");
            html.Append("</p>");
        }

        html.Append("<p style=\"color:#888;font-size:12px\">Sent by Paddock.</p></body></html>");
        return html.ToString();
    }

    private static void AppendButton(StringBuilder html, string? url, string label, string colour)
    {
        if (url is not null)
        {
            html.Append("<a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\" style=\"background:").Append(colour)
                .Append(";color:#fff;padding:8px 16px;margin-right:8px;text-decoration:none;border-radius:4px\">").Append(label).Append("</a>");
        }
    }

    private static Dictionary<string, string> Values(string payloadJson)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(payloadJson) ? "{}" : payloadJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                // Times read as people write them, not as ISO 8601 with ticks.
                JsonValueKind.String when property.Value.TryGetDateTimeOffset(out var at) => Format(at),
                JsonValueKind.String => property.Value.GetString() ?? "",
                JsonValueKind.Null or JsonValueKind.Undefined => "",
                JsonValueKind.Object or JsonValueKind.Array => property.Value.GetRawText(),
                _ => property.Value.GetRawText(),
            };
        }

        return values;
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Fill(string template, Dictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : "");

    // Empty fields leave blank lines and double spaces behind; people should not see them.
    private static string Collapse(string text) =>
        string.Join("\n", text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
