using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BananTourism.Infrastructure.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class VenueDaysByDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_VenueDays_Date",
                table: "VenueDays",
                column: "Date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VenueDays_Date",
                table: "VenueDays");
        }
    }
}
