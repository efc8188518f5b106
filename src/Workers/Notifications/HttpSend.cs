using System.Diagnostics;
using Paddock.Core.Notifications;

namespace Paddock.Workers.Notifications;

/// <summary>One HTTP call as a delivery attempt: a 2xx succeeds; anything else (status, refusal, timeout) is an outcome to retry.</summary>
internal static class HttpSend
{
    public const string ClientName = "paddock.notifications";

    public static async Task<SendOutcome> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var ms = (int)watch.ElapsedMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                return SendOutcome.Ok((int)response.StatusCode, ms);
            }

            var body = await response.Content.ReadAsStringAsync(ct);
            return SendOutcome.Fail((int)response.StatusCode, ms, $"HTTP {(int)response.StatusCode}: {(body.Length > 200 ? body[..200] : body)}".Trim());
        }
        catch (HttpRequestException e)
        {
            return SendOutcome.Fail(null, (int)watch.ElapsedMilliseconds, e.Message);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendOutcome.Fail(null, (int)watch.ElapsedMilliseconds, $"No answer within {client.Timeout.TotalSeconds:0} s.");
        }
    }
}
