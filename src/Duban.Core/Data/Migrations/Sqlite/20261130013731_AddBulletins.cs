using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddBulletins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Items",
                type: "TEXT",
                nullable: true);

            // Items closed before this column existed: their close date in China time (UTC+8).
            migrationBuilder.Sql("UPDATE \"Items\" SET \"ClosedOn\" = date(\"ClosedAt\", '+8 hours') WHERE \"ClosedAt\" IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "Bulletins",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ScopeUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ScopeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CutOff = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyJson = table.Column<string>(type: "TEXT", nullable: false),
                    FiguresJson = table.Column<string>(type: "TEXT", nullable: false),
                    TableJson = table.Column<string>(type: "TEXT", nullable: false),
                    UnitsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CriticisedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FeedbackDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CorrectsId = table.Column<int>(type: "INTEGER", nullable: true),
                    CorrectsNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DraftedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    DraftedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DraftedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReturnedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    NumberText = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ContentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DocxSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DocxSize = table.Column<long>(type: "INTEGER", nullable: true),
                    PdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PdfSize = table.Column<long>(type: "INTEGER", nullable: true),
                    PdfError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ItemsMade = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bulletins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bulletins_Bulletins_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "Bulletins",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bulletins_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BulletinRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BulletinId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedbackDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FeedbackText = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: true),
                    FeedbackAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FeedbackBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulletinRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BulletinRecipients_Bulletins_BulletinId",
                        column: x => x.BulletinId,
                        principalTable: "Bulletins",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BulletinRecipients_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BulletinRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BulletinId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulletinRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BulletinRevisions_Bulletins_BulletinId",
                        column: x => x.BulletinId,
                        principalTable: "Bulletins",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BulletinRecipients_BulletinId_UnitId",
                table: "BulletinRecipients",
                columns: new[] { "BulletinId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BulletinRecipients_UnitId_BulletinId",
                table: "BulletinRecipients",
                columns: new[] { "UnitId", "BulletinId" });

            migrationBuilder.CreateIndex(
                name: "IX_BulletinRecipients_UnitPath",
                table: "BulletinRecipients",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_BulletinRevisions_BulletinId",
                table: "BulletinRevisions",
                column: "BulletinId");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_CampaignId",
                table: "Bulletins",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_CorrectsId",
                table: "Bulletins",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_State",
                table: "Bulletins",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_Year_Number",
                table: "Bulletins",
                columns: new[] { "Year", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulletinRecipients");

            migrationBuilder.DropTable(
                name: "BulletinRevisions");

            migrationBuilder.DropTable(
                name: "Bulletins");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Items");
        }
    }
}
