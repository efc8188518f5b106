using System.Security.Cryptography;
using System.Text;

namespace Paddock.Core.Notifications;

/// <summary>
/// The signature every webhook delivery carries: <c>X-Paddock-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where hex is
/// HMAC-SHA256 under the subscription's secret over <c>"&lt;t&gt;.&lt;raw body&gt;"</c> (UTF-8). Receivers recompute it, compare in
/// constant time, and reject timestamps older than a tolerance (5 minutes suggested) so a captured request cannot be replayed.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Paddock-Signature";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>What a receiver does: parse, check the age, recompute, compare in constant time.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        long? timestamp = null;
        string? v1 = null;
        foreach (var part in header.Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair is ["t", var t] && long.TryParse(t, out var parsed))
            {
                timestamp = parsed;
            }
            else if (pair is ["v1", var v])
            {
                v1 = v;
            }
        }

        if (timestamp is null || v1 is null || Math.Abs(now.ToUnixTimeSeconds() - timestamp.Value) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Sign(secret, timestamp.Value, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes($"t={timestamp},v1={v1}"));
    }

    /// <summary>A new secret: 32 random bytes, URL-safe, recognisable by its prefix.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
