using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paddock.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProviderAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "auto_heal",
                table: "environments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "provider_account_id",
                table: "environments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "provider_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    endpoint = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    tls_ca_certificate = table.Column<string>(type: "text", nullable: true),
                    tls_client_certificate = table.Column<string>(type: "text", nullable: true),
                    tls_client_key = table.Column<string>(type: "text", nullable: true),
                    is_default = table.Column<bool>(type: "boolean", nullable: false),
                    from_configuration = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provider_accounts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_environments_provider_account_id",
                table: "environments",
                column: "provider_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_provider_accounts_is_default",
                table: "provider_accounts",
                column: "is_default",
                unique: true,
                filter: "is_default");

            migrationBuilder.CreateIndex(
                name: "ix_provider_accounts_name",
                table: "provider_accounts",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_environments_provider_accounts_provider_account_id",
                table: "environments",
                column: "provider_account_id",
                principalTable: "provider_accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_environments_provider_accounts_provider_account_id",
                table: "environments");

            migrationBuilder.DropTable(
                name: "provider_accounts");

            migrationBuilder.DropIndex(
                name: "ix_environments_provider_account_id",
                table: "environments");

            migrationBuilder.DropColumn(
                name: "auto_heal",
                table: "environments");

            migrationBuilder.DropColumn(
                name: "provider_account_id",
                table: "environments");
        }
    }
}
