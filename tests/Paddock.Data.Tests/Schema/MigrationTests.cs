using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paddock.Core.Common;
using Paddock.Testing;

namespace Paddock.Data.Tests.Schema;

public sealed class MigrationTests : IAsyncLifetime
{
    private TestDatabase? _database;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("paddock_migrate");

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        await using var services = NewServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();

        await db.Database.MigrateAsync();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration: run dotnet ef migrations add");
        (await db.Installation.SingleAsync()).Id.ShouldNotBe(Guid.Empty, "the installation's id labels its engine objects");
    }

    [Fact]
    public async Task Migrations_create_the_snake_case_tables()
    {
        await using var services = NewServices();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().Database.MigrateAsync();
        }

        var tables = await PublicTablesAsync();

        tables.ShouldBe(
            [
                "__ef_migrations_history", "audit_events", "blueprint_versions", "blueprints", "data_protection_keys", "environments",
                "operation_steps", "operations", "orphaned_stacks", "outbox_messages", "project_members", "projects", "provider_accounts", "stacks",
                "role_claims", "roles", "user_claims", "user_logins", "user_roles", "user_tokens", "users",
                "deliveries", "delivery_attempts", "notification_channels", "notification_rules", "notification_templates", "webhook_subscriptions",
                "approval_decisions", "approval_links", "approval_policies", "approval_requests", "budget_reservations", "budgets", "cost_entries", "rate_cards",
                "api_tokens", "service_accounts", "idempotent_requests", "installation",
            ],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Migrating_twice_is_harmless()
    {
        await using var services = NewServices();
        for (var i = 0; i < 2; i++)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().Database.MigrateAsync();
        }

        (await PublicTablesAsync()).ShouldContain("projects");
    }

    private ServiceProvider NewServices() => new ServiceCollection()
        .AddSingleton<ICurrentUser>(SystemUser.Instance)
        .AddSingleton(TimeProvider.System)
        .AddPaddockData(_database!.ConnectionString)
        .BuildServiceProvider();

    private async Task<List<string>> PublicTablesAsync()
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
