using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ItemEventKindIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ItemEvents_Kind_At_ItemId",
                table: "ItemEvents",
                columns: new[] { "Kind", "At", "ItemId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ItemEvents_Kind_At_ItemId",
                table: "ItemEvents");
        }
    }
}
