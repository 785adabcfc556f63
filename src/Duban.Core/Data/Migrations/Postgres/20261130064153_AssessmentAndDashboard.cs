using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Duban.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssessmentAndDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_BulletinCounts",
                table: "Items");

            migrationBuilder.CreateTable(
                name: "AssessmentSchemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Family = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BaseScore = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    IndicatorsJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSchemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    CampaignName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    FromDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CutOff = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SchemeId = table.Column<int>(type: "integer", nullable: false),
                    SchemeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SchemeVersion = table.Column<int>(type: "integer", nullable: false),
                    SchemeJson = table.Column<string>(type: "text", nullable: false),
                    ExcellentFrom = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    GoodFrom = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    FairFrom = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    ExcellentQuotaPercent = table.Column<int>(type: "integer", nullable: false),
                    NoData = table.Column<bool>(type: "boolean", nullable: false),
                    UnitCount = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ComputedByUserId = table.Column<int>(type: "integer", nullable: true),
                    ComputedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedByUserId = table.Column<int>(type: "integer", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AppealDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentRuns_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentRuns_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HeadPersonId = table.Column<int>(type: "integer", nullable: true),
                    HeadName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Base = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    LinesTotal = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Adjusted = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Veto = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentResults_AssessmentRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AssessmentRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentResults_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentAdjustments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    ResultId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ProposedByUserId = table.Column<int>(type: "integer", nullable: true),
                    ProposedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAdjustments_AssessmentResults_ResultId",
                        column: x => x.ResultId,
                        principalTable: "AssessmentResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentAdjustments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentAppeals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    ResultId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Indicator = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IndicatorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LinePoints = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    VetoLine = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Size = table.Column<long>(type: "bigint", nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    FiledByUserId = table.Column<int>(type: "integer", nullable: true),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CorrectedPoints = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAppeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAppeals_AssessmentResults_ResultId",
                        column: x => x.ResultId,
                        principalTable: "AssessmentResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentAppeals_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentBreakdowns",
                columns: table => new
                {
                    ResultId = table.Column<int>(type: "integer", nullable: false),
                    LinesJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentBreakdowns", x => x.ResultId);
                    table.ForeignKey(
                        name: "FK_AssessmentBreakdowns_AssessmentResults_ResultId",
                        column: x => x.ResultId,
                        principalTable: "AssessmentResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Items_BulletinCounts",
                table: "Items",
                columns: new[] { "CampaignId", "UnitId", "FoundOn", "CreatedAt", "Source", "ClosedAt", "ClosedOn", "DueOn", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_CampaignId_ClosedOn",
                table: "Items",
                columns: new[] { "CampaignId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_CampaignId_FoundOn_CreatedAt",
                table: "Items",
                columns: new[] { "CampaignId", "FoundOn", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ItemEvents_Kind_At_ItemId",
                table: "ItemEvents",
                columns: new[] { "Kind", "At", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAdjustments_ResultId",
                table: "AssessmentAdjustments",
                column: "ResultId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAdjustments_RunId_State",
                table: "AssessmentAdjustments",
                columns: new[] { "RunId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAdjustments_UnitId",
                table: "AssessmentAdjustments",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAdjustments_UnitPath",
                table: "AssessmentAdjustments",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAppeals_ResultId_Indicator",
                table: "AssessmentAppeals",
                columns: new[] { "ResultId", "Indicator" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAppeals_RunId_State",
                table: "AssessmentAppeals",
                columns: new[] { "RunId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAppeals_UnitId",
                table: "AssessmentAppeals",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAppeals_UnitPath",
                table: "AssessmentAppeals",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_RunId_UnitId",
                table: "AssessmentResults",
                columns: new[] { "RunId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_UnitId",
                table: "AssessmentResults",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_UnitPath",
                table: "AssessmentResults",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRuns_CampaignId",
                table: "AssessmentRuns",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRuns_SchemeId",
                table: "AssessmentRuns",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRuns_State_PublishedAt",
                table: "AssessmentRuns",
                columns: new[] { "State", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSchemes_Family_Version",
                table: "AssessmentSchemes",
                columns: new[] { "Family", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentAdjustments");

            migrationBuilder.DropTable(
                name: "AssessmentAppeals");

            migrationBuilder.DropTable(
                name: "AssessmentBreakdowns");

            migrationBuilder.DropTable(
                name: "AssessmentResults");

            migrationBuilder.DropTable(
                name: "AssessmentRuns");

            migrationBuilder.DropTable(
                name: "AssessmentSchemes");

            migrationBuilder.DropIndex(
                name: "IX_Items_BulletinCounts",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_CampaignId_ClosedOn",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_CampaignId_FoundOn_CreatedAt",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_ItemEvents_Kind_At_ItemId",
                table: "ItemEvents");

            migrationBuilder.CreateIndex(
                name: "IX_Items_BulletinCounts",
                table: "Items",
                columns: new[] { "CampaignId", "UnitId", "FoundOn", "CreatedAt", "Source", "ClosedAt", "ClosedOn", "DueOn" });
        }
    }
}
