using System.Security.Cryptography;
using System.Text;

namespace Paddock.Core.Identity.Tokens;

/// <summary>Token secrets: <c>pdk_</c> and 32 random bytes in base64url; stored as their SHA-256 only.</summary>
public static class TokenSecrets
{
    public const string Prefix = "pdk_";

    public const int DisplayPrefixLength = 12;

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// A plain SHA-256 is enough (no salt, no slow hash): the secret has 256 random bits, nothing to guess, and the hash
    /// must be an index lookup on every request.
    /// </summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool LooksLikeToken(string? value) => value is { Length: > 20 } && value.StartsWith(Prefix, StringComparison.Ordinal);
}
