using System.Text.RegularExpressions;
using Paddock.Core.Common;
using Paddock.Core.Events;

namespace Paddock.Core.Notifications;

/// <summary>What a valid channel, webhook and rule look like; every bad field is reported at once.</summary>
public static partial class ChannelRules
{
    public const string DefaultSmsBaseUrl = "https://api.twilio.com";

    public static Validator ValidateChannel(ChannelKind kind, ChannelSettings settings, bool creating, IReadOnlyList<string>? eventTypes)
    {
        var v = new Validator()
            .Required("name", settings.Name, "Name")
            .MaxLength("name", settings.Name, 60, "Name");
        switch (kind)
        {
            case ChannelKind.Slack:
            case ChannelKind.Webhook:
                if (creating || settings.Secret is not null)
                {
                    Url(v, "url", settings.Secret, kind == ChannelKind.Slack ? "Slack incoming webhook URL" : "Webhook URL");
                }

                break;
            case ChannelKind.Email:
                Recipients(v, settings.Recipients, "an e-mail address", r => MailAddressIsValid(r));
                break;
            case ChannelKind.Sms:
                Recipients(v, settings.Recipients, "a phone number in E.164 form (+15551234567)", r => PhoneNumber().IsMatch(r));
                Url(v, "smsBaseUrl", settings.SmsBaseUrl ?? DefaultSmsBaseUrl, "SMS API base URL");
                v.Required("smsAccountSid", settings.SmsAccountSid, "Account SID");
                v.When(settings.SmsAccountSid is { } sid && !SafeSegment().IsMatch(sid.Trim()), "smsAccountSid", "Account SID may contain only letters and digits.");
                v.Required("smsFrom", settings.SmsFrom, "Sender number");
                if (creating)
                {
                    v.Required("smsAuthToken", settings.Secret, "Auth token");
                }

                break;
        }

        EventTypeList(v, "eventTypes", eventTypes, required: false);
        return v;
    }

    public static Validator ValidateWebhook(WebhookSettings settings, string? secret)
    {
        var v = new Validator();
        Url(v, "url", settings.Url, "URL");
        v.MaxLength("description", settings.Description, 200, "Description");
        EventTypeList(v, "eventTypes", settings.EventTypes, required: true);
        v.When(secret is not null && secret.Length < 16, "secret", "The secret must be at least 16 characters (leave it empty to have one generated).");
        return v;
    }

    public static void EventTypeList(Validator v, string field, IReadOnlyList<string>? eventTypes, bool required)
    {
        if (eventTypes is null || eventTypes.Count == 0)
        {
            v.When(required, field, "Choose at least one event type.");
            return;
        }

        for (var i = 0; i < eventTypes.Count; i++)
        {
            v.When(!EventTypes.All.Contains(eventTypes[i]), $"{field}[{i}]", $"'{eventTypes[i]}' is not an event type; known: {string.Join(", ", EventTypes.All)}.");
        }
    }

    /// <summary>Scheme and host only: enough to recognise a target without revealing its token.</summary>
    public static string? HintOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/…" : null;

    private static void Url(Validator v, string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            v.Add(field, $"{label} is required.");
        }
        else if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
        {
            v.Add(field, $"{label} must be an absolute http:// or https:// URL.");
        }
        else if (value.Length > 2000)
        {
            v.Add(field, $"{label} must be at most 2000 characters.");
        }
    }

    private static void Recipients(Validator v, IReadOnlyList<string> recipients, string what, Func<string, bool> valid)
    {
        if (recipients.Count == 0)
        {
            v.Add("recipients", "Add at least one recipient.");
            return;
        }

        v.When(recipients.Count > 50, "recipients", "At most 50 recipients.");
        for (var i = 0; i < recipients.Count; i++)
        {
            v.When(!valid(recipients[i].Trim()), $"recipients[{i}]", $"'{recipients[i]}' is not {what}.");
        }
    }

    private static bool MailAddressIsValid(string value) => new Validator().Email("e", value).IsValid;

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex("^[A-Za-z0-9]{1,64}$")]
    private static partial Regex SafeSegment();
}
