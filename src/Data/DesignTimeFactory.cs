using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Paddock.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PaddockDbContext>
{
    public PaddockDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PaddockDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=paddock_design", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .Options);
}
