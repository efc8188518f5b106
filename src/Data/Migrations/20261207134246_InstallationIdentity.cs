using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paddock.Data.Migrations
{
    /// <inheritdoc />
    public partial class InstallationIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "installation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_installation", x => x.id);
                });

            // The one row: made here, so every node of an installation reads the same id and none has to race to make it.
            migrationBuilder.Sql("INSERT INTO installation (id, created_at) VALUES (gen_random_uuid(), now());");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "installation");
        }
    }
}
