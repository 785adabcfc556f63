using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDraws : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Draws",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SeedGenerated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PopulationHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PopulationSize = table.Column<int>(type: "INTEGER", nullable: false),
                    PopulationText = table.Column<string>(type: "TEXT", nullable: false),
                    ExcludedText = table.Column<string>(type: "TEXT", nullable: false),
                    SelectedText = table.Column<string>(type: "TEXT", nullable: false),
                    DrawnByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReplacesDrawId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReplaceReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Draws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Draws_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Draws_Draws_ReplacesDrawId",
                        column: x => x.ReplacesDrawId,
                        principalTable: "Draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrawChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DrawId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EvidenceFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EvidenceSize = table.Column<long>(type: "INTEGER", nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrawChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrawChecks_Draws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "Draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrawChecks_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Items_CampaignId_State_Code",
                table: "Items",
                columns: new[] { "CampaignId", "State", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_DrawChecks_DrawId_Key",
                table: "DrawChecks",
                columns: new[] { "DrawId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrawChecks_ItemId",
                table: "DrawChecks",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_DrawChecks_UnitId",
                table: "DrawChecks",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Draws_CampaignId",
                table: "Draws",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Draws_Code",
                table: "Draws",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Draws_ReplacesDrawId",
                table: "Draws",
                column: "ReplacesDrawId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Draws_Year_Number",
                table: "Draws",
                columns: new[] { "Year", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DrawChecks");

            migrationBuilder.DropTable(
                name: "Draws");

            migrationBuilder.DropIndex(
                name: "IX_Items_CampaignId_State_Code",
                table: "Items");
        }
    }
}
