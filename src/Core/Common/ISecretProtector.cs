namespace Paddock.Core.Common;

/// <summary>Encrypts secrets at rest (launch inputs, registry passwords, TLS keys). Implemented over ASP.NET Data Protection.</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedValue);
}
