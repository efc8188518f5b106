using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Paddock.Core.Notifications;

namespace Paddock.Workers.Notifications;

/// <summary>Sends to every kind of channel: Slack (Block Kit), e-mail (SMTP via MailKit), SMS (Twilio-compatible REST), generic webhook.</summary>
internal sealed class NotificationSender(IHttpClientFactory http, IOptions<SmtpOptions> smtp) : INotificationSender
{
    public const string DeliveryHeader = "X-Paddock-Delivery";

    public Task<SendOutcome> SendAsync(ChannelTarget target, OutgoingEvent outgoing, RenderedMessage message, CancellationToken ct) => target.Kind switch
    {
        ChannelKind.Slack => SlackAsync(target, outgoing, message, ct),
        ChannelKind.Email => EmailAsync(target, outgoing, message, ct),
        ChannelKind.Sms => SmsAsync(target, outgoing, message, ct),
        ChannelKind.Webhook => WebhookAsync(target, outgoing, message, ct),
        _ => Task.FromResult(SendOutcome.Fail(null, 0, $"Unknown channel kind {target.Kind}.")),
    };

    private async Task<SendOutcome> SlackAsync(ChannelTarget target, OutgoingEvent outgoing, RenderedMessage message, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Secret)
        {
            Content = new StringContent(SlackMessage.Build(message).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(DeliveryHeader, outgoing.DeliveryId.ToString());
        return await HttpSend.SendAsync(http.CreateClient(HttpSend.ClientName), request, ct);
    }

    private async Task<SendOutcome> WebhookAsync(ChannelTarget target, OutgoingEvent outgoing, RenderedMessage message, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["deliveryId"] = outgoing.DeliveryId,
            ["messageId"] = outgoing.MessageId,
            ["type"] = outgoing.Type,
            ["projectId"] = outgoing.ProjectId,
            ["occurredAt"] = outgoing.OccurredAt,
            ["subject"] = message.Subject,
            ["text"] = message.Text,
            ["data"] = JsonNode.Parse(outgoing.PayloadJson),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Secret)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(DeliveryHeader, outgoing.DeliveryId.ToString());
        request.Headers.Add("X-Paddock-Event", outgoing.Type);
        return await HttpSend.SendAsync(http.CreateClient(HttpSend.ClientName), request, ct);
    }

    // One message per recipient: the API takes one To. A retry after a partial failure resends to every recipient.
    private async Task<SendOutcome> SmsAsync(ChannelTarget target, OutgoingEvent outgoing, RenderedMessage message, CancellationToken ct)
    {
        var client = http.CreateClient(HttpSend.ClientName);
        var url = $"{target.SmsBaseUrl!.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(target.SmsAccountSid!)}/Messages.json";
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{target.SmsAccountSid}:{target.Secret}"));
        var text = $"{message.Subject}\n{message.Text}";
        text = text.Length > 1500 ? text[..1500] : text;
        SendOutcome last = SendOutcome.Ok(null, 0);
        var total = 0;
        foreach (var to in target.Recipients)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new FormUrlEncodedContent([new("To", to), new("From", target.SmsFrom!), new("Body", text)]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            request.Headers.Add(DeliveryHeader, outgoing.DeliveryId.ToString());
            last = await HttpSend.SendAsync(client, request, ct);
            total += last.DurationMs;
            if (!last.Succeeded)
            {
                return last with { Error = $"To {to}: {last.Error}", DurationMs = total };
            }
        }

        return last with { DurationMs = total };
    }

    private async Task<SendOutcome> EmailAsync(ChannelTarget target, OutgoingEvent outgoing, RenderedMessage message, CancellationToken ct)
    {
        var options = smtp.Value;
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            return SendOutcome.Fail(null, 0, "E-mail is not configured: set Paddock:Smtp:Host.");
        }

        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.From));
        foreach (var recipient in target.Recipients)
        {
            mail.To.Add(MailboxAddress.Parse(recipient));
        }

        mail.Subject = message.Subject;
        // The delivery id as Message-ID: mail systems drop a second copy of a message they already have.
        mail.MessageId = $"{outgoing.DeliveryId}@paddock";
        mail.Headers.Add(DeliveryHeader, outgoing.DeliveryId.ToString());
        mail.Headers.Add("X-Paddock-Event", outgoing.Type);
        mail.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();

        var watch = Stopwatch.StartNew();
        try
        {
            using var client = new SmtpClient();
            client.Timeout = 15_000;
            await client.ConnectAsync(options.Host, options.Port, Security(options.Security), ct);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
            }

            await client.SendAsync(mail, ct);
            await client.DisconnectAsync(true, ct);
            return SendOutcome.Ok(250, (int)watch.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or AuthenticationException or IOException
            or System.Net.Sockets.SocketException or SslHandshakeException or TimeoutException)
        {
            var code = e is SmtpCommandException command ? (int?)command.StatusCode : null;
            return SendOutcome.Fail(code, (int)watch.ElapsedMilliseconds, e.Message);
        }
    }

    private static SecureSocketOptions Security(string value) => value.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
