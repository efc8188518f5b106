namespace Paddock.Core.Approvals;

/// <summary>Where signed approval links point and how long they live (Paddock:PublicUrl, Paddock:Approvals:LinkLifetimeHours).</summary>
public sealed class GovernanceOptions
{
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(72);
}

/// <summary>Signs approval link tokens (Data Protection in Data): a token names a link row and cannot be forged or altered.</summary>
public interface IApprovalLinkProtector
{
    string Protect(Guid linkId);

    /// <summary>The link id, or null for a token that was tampered with or not made by this installation.</summary>
    Guid? Unprotect(string token);
}
