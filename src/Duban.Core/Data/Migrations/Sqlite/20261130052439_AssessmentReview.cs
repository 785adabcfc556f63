using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Duban.Core.Data.Migrations.Sqlite
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

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSchemes_Family_Version",
                table: "AssessmentSchemes",
                columns: new[] { "Family", "Version" });
        }
    }
}
