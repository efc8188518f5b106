using Paddock.Testing;

namespace Paddock.E2E.Infrastructure;

/// <summary>Paddock on a real Kestrel port, so a real browser can reach it.</summary>
public sealed class E2EServer : PaddockWebFactory
{
    public E2EServer()
    {
        UseRealServer = true;
    }
}
