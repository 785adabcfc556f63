using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssessmentReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AssessmentSchemes_Family_Version",
                table: "AssessmentSchemes");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "AssessmentRuns",
                type: "character varying(140)",
                maxLength: 140,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSchemes_Family_Version",
                table: "AssessmentSchemes",
                columns: new[] { "Family", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AssessmentSchemes_Family_Version",
                table: "AssessmentSchemes");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "AssessmentRuns",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(140)",
                oldMaxLength: 140);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSchemes_Family_Version",
                table: "AssessmentSchemes",
                columns: new[] { "Family", "Version" });
        }
    }
}
