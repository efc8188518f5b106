using Paddock.Core.Common;

namespace Paddock.Testing;

/// <summary>The acting user for tests that use Core or Data without the web host.</summary>
public sealed class TestUser : ICurrentUser
{
    public Guid? UserId { get; set; } = Guid.NewGuid();

    public string? Email { get; set; } = "tester@paddock.test";

    public string? ClientAddress { get; set; } = "203.0.113.7";
}
