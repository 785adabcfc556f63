using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssessmentCountsCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_BulletinCounts",
                table: "Items");

            migrationBuilder.CreateIndex(
                name: "IX_Items_BulletinCounts",
                table: "Items",
                columns: new[] { "CampaignId", "UnitId", "FoundOn", "CreatedAt", "Source", "ClosedAt", "ClosedOn", "DueOn", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_BulletinCounts",
                table: "Items");

            migrationBuilder.CreateIndex(
                name: "IX_Items_BulletinCounts",
                table: "Items",
                columns: new[] { "CampaignId", "UnitId", "FoundOn", "CreatedAt", "Source", "ClosedAt", "ClosedOn", "DueOn" });
        }
    }
}
