using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paddock.Core.Audit;
using Paddock.Core.Identity;
using Paddock.Core.Projects;

namespace Paddock.Data.Tests.Audit;

public sealed class AuditInterceptorTests(DataFixture fixture) : IClassFixture<DataFixture>
{
    [Fact]
    public async Task Creating_a_project_writes_who_did_what_to_which_target_from_where()
    {
        var project = NewProject("shop", "The web shop");

        await SaveAsync(db => db.Projects.Add(project));

        var audit = (await EventsForAsync(project.Id)).ShouldHaveSingleItem();
        audit.Action.ShouldBe("project.created");
        audit.TargetType.ShouldBe("project");
        audit.TargetName.ShouldBe(project.Name);
        audit.ProjectId.ShouldBe(project.Id);
        audit.ActorId.ShouldBe(fixture.User.UserId);
        audit.ActorName.ShouldBe(fixture.User.Email);
        audit.ClientAddress.ShouldBe(fixture.User.ClientAddress);
        audit.At.ShouldBe(fixture.Clock.Now);
        audit.Changes.ShouldContain(new FieldChange("name", null, project.Name));
        audit.Changes.ShouldContain(new FieldChange("description", null, "The web shop"));
        audit.Changes.ShouldNotContain(c => c.Field == "version");
    }

    [Fact]
    public async Task An_update_records_only_the_changed_fields_with_before_and_after()
    {
        var project = NewProject("billing", "Invoices");
        await SaveAsync(db => db.Projects.Add(project));
        var renamed = project.Name + "-v2";

        await using (var scope = fixture.NewScope())
        {
            var db = Db(scope);
            var loaded = await db.Projects.SingleAsync(p => p.Id == project.Id);
            loaded.Rename(renamed, "Invoices");
            await db.SaveChangesAsync();
        }

        var update = (await EventsForAsync(project.Id)).Where(e => e.Action == "project.updated").ShouldHaveSingleItem();
        update.Changes.ShouldHaveSingleItem().ShouldBe(new FieldChange("name", project.Name, renamed));
    }

    [Fact]
    public async Task Saving_an_unchanged_entity_writes_no_audit_event()
    {
        var project = NewProject("quiet", null);
        await SaveAsync(db => db.Projects.Add(project));

        await using (var scope = fixture.NewScope())
        {
            var db = Db(scope);
            var loaded = await db.Projects.SingleAsync(p => p.Id == project.Id);
            loaded.Rename(loaded.Name, loaded.Description);
            await db.SaveChangesAsync();
        }

        (await EventsForAsync(project.Id)).ShouldHaveSingleItem().Action.ShouldBe("project.created");
    }

    [Fact]
    public async Task Deleting_records_the_values_that_were_lost()
    {
        var project = NewProject("doomed", "Short-lived");
        await SaveAsync(db => db.Projects.Add(project));

        await using (var scope = fixture.NewScope())
        {
            var db = Db(scope);
            db.Projects.Remove(await db.Projects.SingleAsync(p => p.Id == project.Id));
            await db.SaveChangesAsync();
        }

        var deleted = (await EventsForAsync(project.Id)).Where(e => e.Action == "project.deleted").ShouldHaveSingleItem();
        deleted.Changes.ShouldContain(new FieldChange("name", project.Name, null));
    }

    [Fact]
    public async Task A_rolled_back_change_leaves_neither_the_row_nor_its_audit_event()
    {
        var project = NewProject("rollback", null);

        await using (var scope = fixture.NewScope())
        {
            var db = Db(scope);
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using var check = fixture.NewScope();
        (await Db(check).Projects.AnyAsync(p => p.Id == project.Id)).ShouldBeFalse();
        (await EventsForAsync(project.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_change_is_filed_under_its_project()
    {
        var project = NewProject("team", null);
        var user = NewUser("member", passwordHash: "AQAAAAIAAYagAAAAE-member-hash");
        await SaveAsync(db =>
        {
            db.Projects.Add(project);
            db.Users.Add(user);
        });
        var member = ProjectMember.Create(project.Id, user.Id, ProjectRole.Developer, fixture.Clock.Now);

        await SaveAsync(db => db.ProjectMembers.Add(member));

        var audit = (await EventsForAsync(member.Id)).ShouldHaveSingleItem();
        audit.Action.ShouldBe("member.created");
        audit.ProjectId.ShouldBe(project.Id);
        audit.Changes.ShouldContain(new FieldChange("role", null, "Developer"));
    }

    [Fact]
    public async Task Password_hashes_and_security_stamps_are_redacted()
    {
        const string hash = "AQAAAAIAAYagAAAAEPj0-very-secret-hash";
        const string stamp = "STAMP-5f2b7a1c-secret";
        var user = NewUser("secretive", hash, stamp);

        await SaveAsync(db => db.Users.Add(user));

        var created = (await EventsForAsync(user.Id)).ShouldHaveSingleItem();
        created.Action.ShouldBe("user.created");
        created.TargetName.ShouldBe(user.Email);
        created.Changes.ShouldContain(new FieldChange("passwordHash", null, "[redacted]"));
        created.Changes.ShouldContain(new FieldChange("securityStamp", null, "[redacted]"));
        var stored = await RawChangesAsync(user.Id);
        stored.ShouldNotContain(hash);
        stored.ShouldNotContain(stamp);
    }

    [Fact]
    public async Task A_changed_password_is_recorded_as_changed_without_either_hash()
    {
        const string before = "AQAAAAIAAYagAAAAE-old-hash";
        const string after = "AQAAAAIAAYagAAAAE-new-hash";
        var user = NewUser("rotating", before);
        await SaveAsync(db => db.Users.Add(user));

        await using (var scope = fixture.NewScope())
        {
            var db = Db(scope);
            var loaded = await db.Users.SingleAsync(u => u.Id == user.Id);
            loaded.PasswordHash = after;
            await db.SaveChangesAsync();
        }

        var update = (await EventsForAsync(user.Id)).Where(e => e.Action == "user.updated").ShouldHaveSingleItem();
        update.Changes.ShouldHaveSingleItem().ShouldBe(new FieldChange("passwordHash", "[redacted]", "[redacted]"));
        var stored = await RawChangesAsync(user.Id);
        stored.ShouldNotContain(before);
        stored.ShouldNotContain(after);
    }

    private static PaddockDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<PaddockDbContext>();

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    private Project NewProject(string name, string? description) => Project.Create(Unique(name), description, fixture.Clock.Now);

    private PaddockUser NewUser(string name, string passwordHash, string stamp = "stamp")
    {
        var email = $"{Unique(name)}@paddock.test";
        return new PaddockUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = name,
            PasswordHash = passwordHash,
            SecurityStamp = stamp,
            CreatedAt = fixture.Clock.Now,
        };
    }

    private async Task SaveAsync(Action<PaddockDbContext> change)
    {
        await using var scope = fixture.NewScope();
        var db = Db(scope);
        change(db);
        await db.SaveChangesAsync();
    }

    private async Task<List<AuditEvent>> EventsForAsync(Guid targetId)
    {
        await using var scope = fixture.NewScope();
        return await Db(scope).AuditEvents.AsNoTracking().Where(e => e.TargetId == targetId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>The changes column as PostgreSQL stores it, so nothing is hidden by deserialization.</summary>
    private async Task<string> RawChangesAsync(Guid targetId)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(changes::text, ' ') FROM audit_events WHERE target_id = @id", connection);
        command.Parameters.AddWithValue("id", targetId);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
