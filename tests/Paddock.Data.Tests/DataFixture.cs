using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Common;
using Paddock.Testing;

namespace Paddock.Data.Tests;

/// <summary>A migrated database of its own, and DbContexts built the way the application builds them.</summary>
public sealed class DataFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private ServiceProvider? _services;

    public TestUser User { get; } = new();

    public TestClock Clock { get; } = new();

    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("paddock_data");
        _services = new ServiceCollection()
            .AddSingleton<ICurrentUser>(User)
            .AddSingleton<TimeProvider>(Clock)
            .AddPaddockData(_database.ConnectionString)
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A fresh scope with its own DbContext: what one request or one UI action gets.</summary>
    public AsyncServiceScope NewScope() => _services!.CreateAsyncScope();
}
