using Microsoft.AspNetCore.Hosting;
using Paddock.Testing;

namespace Paddock.E2E.Infrastructure;

/// <summary>Paddock on a real Kestrel port, so a real browser can reach it.</summary>
public sealed class E2EServer : PaddockWebFactory
{
    public E2EServer()
    {
        UseRealServer = true;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The hub re-checks its connections' access every second instead of every 30: a removed member's page is told at once.
        builder.UseSetting("Paddock:Live:RecheckSeconds", "1");
    }
}
