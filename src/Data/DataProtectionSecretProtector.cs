using Microsoft.AspNetCore.DataProtection;
using Paddock.Core.Common;

namespace Paddock.Data;

/// <summary>Secrets at rest through Data Protection, whose keys live in the database so every node can read them.</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Paddock.Secrets.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedValue) => _protector.Unprotect(protectedValue);
}
