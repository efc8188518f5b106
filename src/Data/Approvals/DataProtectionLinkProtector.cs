using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Paddock.Core.Approvals;

namespace Paddock.Data.Approvals;

/// <summary>Approval link tokens under their own Data Protection purpose: authenticated encryption, so any change to a token is detected.</summary>
internal sealed class DataProtectionLinkProtector(IDataProtectionProvider provider) : IApprovalLinkProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Paddock.Approvals.Links.v1");

    public string Protect(Guid linkId) => Base64Url.EncodeToString(_protector.Protect(linkId.ToByteArray()));

    public Guid? Unprotect(string token)
    {
        try
        {
            var bytes = _protector.Unprotect(Base64Url.DecodeFromChars(token));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
