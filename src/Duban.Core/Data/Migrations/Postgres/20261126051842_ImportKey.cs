using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Items",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Items_CampaignId_ImportKey",
                table: "Items",
                columns: new[] { "CampaignId", "ImportKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_CampaignId_ImportKey",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Items");
        }
    }
}
