using System.Text;
using System.Text.Json.Nodes;
using Paddock.Core.Notifications;

namespace Paddock.Workers.Notifications;

/// <summary>
/// POSTs an event to a webhook subscription: <c>{id, type, projectId, occurredAt, data}</c>, with the delivery id in
/// <c>X-Paddock-Delivery</c> and the HMAC signature of the exact bytes sent in <c>X-Paddock-Signature</c>.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory http, TimeProvider time)
{
    public async Task<SendOutcome> SendAsync(string url, string secret, OutgoingEvent outgoing, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["id"] = outgoing.MessageId,
            ["type"] = outgoing.Type,
            ["projectId"] = outgoing.ProjectId,
            ["occurredAt"] = outgoing.OccurredAt,
            ["data"] = JsonNode.Parse(outgoing.PayloadJson),
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(NotificationSender.DeliveryHeader, outgoing.DeliveryId.ToString());
        request.Headers.Add("X-Paddock-Event", outgoing.Type);
        // Signed at each attempt: the timestamp is the attempt's, so a retry hours later is not refused as a replay.
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, time.GetUtcNow().ToUnixTimeSeconds(), body));
        return await HttpSend.SendAsync(http.CreateClient(HttpSend.ClientName), request, ct);
    }
}
