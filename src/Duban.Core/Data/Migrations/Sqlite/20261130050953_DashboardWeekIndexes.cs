using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardWeekIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Items_CampaignId_ClosedOn",
                table: "Items",
                columns: new[] { "CampaignId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_CampaignId_FoundOn_CreatedAt",
                table: "Items",
                columns: new[] { "CampaignId", "FoundOn", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_CampaignId_ClosedOn",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_CampaignId_FoundOn_CreatedAt",
                table: "Items");
        }
    }
}
