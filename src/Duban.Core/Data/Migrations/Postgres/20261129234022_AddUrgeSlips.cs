using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Duban.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddUrgeSlips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UrgeSlips",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Colour = table.Column<int>(type: "integer", nullable: false),
                    Demand = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReplyDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedByUserId = table.Column<int>(type: "integer", nullable: true),
                    IssuedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedByUserId = table.Column<int>(type: "integer", nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReplyText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReplyFileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReplyFileContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReplyFileSize = table.Column<long>(type: "bigint", nullable: true),
                    ReplyFileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RepliedByUserId = table.Column<int>(type: "integer", nullable: true),
                    RepliedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UrgeSlips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UrgeSlips_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UrgeSlips_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UrgeSlipItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SlipId = table.Column<int>(type: "integer", nullable: false),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Problem = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OverdueDays = table.Column<int>(type: "integer", nullable: false),
                    Colour = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UrgeSlipItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UrgeSlipItems_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UrgeSlipItems_UrgeSlips_SlipId",
                        column: x => x.SlipId,
                        principalTable: "UrgeSlips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Items_State_DeadlineKind_DueOn_UnitId",
                table: "Items",
                columns: new[] { "State", "DeadlineKind", "DueOn", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_UrgeSlipItems_ItemId",
                table: "UrgeSlipItems",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_UrgeSlipItems_SlipId",
                table: "UrgeSlipItems",
                column: "SlipId");

            migrationBuilder.CreateIndex(
                name: "IX_UrgeSlips_CampaignId",
                table: "UrgeSlips",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_UrgeSlips_UnitId_Id",
                table: "UrgeSlips",
                columns: new[] { "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_UrgeSlips_UnitPath",
                table: "UrgeSlips",
                column: "UnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_UrgeSlips_Year_Number",
                table: "UrgeSlips",
                columns: new[] { "Year", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UrgeSlipItems");

            migrationBuilder.DropTable(
                name: "UrgeSlips");

            migrationBuilder.DropIndex(
                name: "IX_Items_State_DeadlineKind_DueOn_UnitId",
                table: "Items");
        }
    }
}
