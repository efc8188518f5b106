using Paddock.Core.Events;
using Paddock.Core.Notifications;

namespace Paddock.Core.Tests.Notifications;

public sealed class TemplateRendererTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 14, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Placeholders_take_the_payload_fields_and_the_built_ins()
    {
        var message = TemplateRenderer.Render(EventTypes.StackFailed, "{{stackName}} {{status}} in {{projectName}}", "At {{occurredAt}}: {{detail}}",
            """{"stackName":"shop","status":"Failed","detail":"db exited"}""", "Billing", At);

        message.Subject.ShouldBe("shop Failed in Billing");
        message.Text.ShouldBe("At 2026-12-02 14:05 UTC: db exited");
        message.ApproveUrl.ShouldBeNull();
    }

    [Fact]
    public void Missing_fields_render_empty_and_leave_no_blank_lines()
    {
        var message = TemplateRenderer.Render(EventTypes.StackLaunched, "{{stackName}} up", "Line one\n{{detail}}\nLine three", """{"stackName":"shop","detail":null}""", "P", At);

        message.Text.ShouldBe("Line one\nLine three");
    }

    [Fact]
    public void Approval_links_are_appended_to_the_text_and_become_buttons_in_html()
    {
        var message = TemplateRenderer.Render(EventTypes.ApprovalRequested, "Approve {{summary}}", "{{reason}}",
            """{"summary":"launch","reason":"release","approveUrl":"https://p/a?s=1&e=2","rejectUrl":"https://p/r"}""", "P", At);

        message.Body.ShouldBe("release");
        message.Text.ShouldBe("release\nApprove: https://p/a?s=1&e=2\nReject: https://p/r");
        message.ApproveUrl.ShouldBe("https://p/a?s=1&e=2");
        message.Html.ShouldContain("<a href=\"https://p/a?s=1&amp;e=2\"");
        message.Html.ShouldContain(">Reject</a>");
    }

    [Fact]
    public void Html_escapes_what_the_event_says()
    {
        var message = TemplateRenderer.Render(EventTypes.StackFailed, "{{stackName}}", "{{detail}}", """{"stackName":"<b>x</b>","detail":"<script>alert(1)</script>"}""", "P", At);

        message.Html.ShouldNotContain("<script>");
        message.Html.ShouldContain("&lt;script&gt;");
    }

    [Theory]
    [MemberData(nameof(AllEventTypes))]
    public void Every_event_type_has_a_default_template_that_renders_its_sample_without_unknown_placeholders(string eventType)
    {
        var (subject, body) = TemplateRenderer.Default(eventType);

        TemplateRenderer.UnknownPlaceholders(eventType, subject + body).ShouldBeEmpty();
        var message = TemplateRenderer.Render(eventType, subject, body, SampleEvents.PayloadFor(eventType), "Sample", At);
        message.Subject.ShouldNotBeNullOrWhiteSpace();
        message.Subject.ShouldNotContain("{{");
        message.Text.ShouldNotContain("{{");
    }

    public static TheoryData<string> AllEventTypes => new(EventTypes.All);
}
