using Paddock.Testing;

namespace Paddock.Web.Tests;

/// <summary>One Paddock (and one database) shared by the API tests; each test makes its own uniquely named data.</summary>
[CollectionDefinition(Name)]
public sealed class WebTestCollection : ICollectionFixture<PaddockWebFactory>
{
    public const string Name = "web";
}
