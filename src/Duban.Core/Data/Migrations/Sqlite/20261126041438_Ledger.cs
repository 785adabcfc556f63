using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MeasuresText = table.Column<string>(type: "TEXT", maxLength: 10020, nullable: false),
                    LeaderPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponsiblePersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    FoundOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeadlineKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportingPeriod = table.Column<int>(type: "INTEGER", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastReportOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PendingExtensionDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PendingExtensionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NoEvidenceReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UrgeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Items_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Items_People_LeaderPersonId",
                        column: x => x.LeaderPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Items_People_ResponsiblePersonId",
                        column: x => x.ResponsiblePersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Items_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ItemCategories",
                columns: table => new
                {
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    CatalogEntryId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemCategories", x => new { x.ItemId, x.CatalogEntryId });
                    table.ForeignKey(
                        name: "FK_ItemCategories_CatalogEntries_CatalogEntryId",
                        column: x => x.CatalogEntryId,
                        principalTable: "CatalogEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ItemCategories_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ItemEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FromUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    OldDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemEvents_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_ItemId",
                table: "EvidenceFiles",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemCategories_CatalogEntryId",
                table: "ItemCategories",
                column: "CatalogEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemEvents_ItemId_Id",
                table: "ItemEvents",
                columns: new[] { "ItemId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_CampaignId_Number",
                table: "Items",
                columns: new[] { "CampaignId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Items_Code",
                table: "Items",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_Items_LeaderPersonId",
                table: "Items",
                column: "LeaderPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Items_ResponsiblePersonId",
                table: "Items",
                column: "ResponsiblePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Items_State_DueOn_DeadlineKind",
                table: "Items",
                columns: new[] { "State", "DueOn", "DeadlineKind" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_UnitId_State_Id",
                table: "Items",
                columns: new[] { "UnitId", "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_UnitPath",
                table: "Items",
                column: "UnitPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "ItemCategories");

            migrationBuilder.DropTable(
                name: "ItemEvents");

            migrationBuilder.DropTable(
                name: "Items");
        }
    }
}
