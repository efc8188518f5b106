using System.Security.Cryptography;
using System.Text;

namespace Paddock.Core.Blueprints;

/// <summary>The content hash of a blueprint version: formatting, key order and layout do not change it.</summary>
public static class BlueprintHash
{
    /// <summary>Lower-case hex SHA-256 of <see cref="BlueprintCanonicalJson.Serialize(BlueprintSpec)"/>.</summary>
    public static string Compute(BlueprintSpec spec) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(BlueprintCanonicalJson.Serialize(spec))));
}
