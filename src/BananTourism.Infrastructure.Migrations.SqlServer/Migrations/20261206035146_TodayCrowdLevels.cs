using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BananTourism.Infrastructure.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TodayCrowdLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "CrowdBusy",
                table: "Venues",
                type: "decimal(4,3)",
                precision: 4,
                scale: 3,
                nullable: false,
                defaultValue: 0.6m);

            migrationBuilder.AddColumn<decimal>(
                name: "CrowdCrowded",
                table: "Venues",
                type: "decimal(4,3)",
                precision: 4,
                scale: 3,
                nullable: false,
                defaultValue: 0.85m);

            migrationBuilder.AddColumn<int>(
                name: "ToCome",
                table: "OfferingDays",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Who is still expected on each kept day: the confirmed bookings over that date (a stay on each of its nights).
            // In EXEC: the idempotent script runs this in the batch that adds the column, which SQL Server compiles first.
            migrationBuilder.Sql("""
                EXEC(N'UPDATE OfferingDays SET ToCome = COALESCE((
                    SELECT SUM(b.Adults + b.Children) FROM Bookings b
                    WHERE b.OfferingId = OfferingDays.OfferingId AND b.Status = 1
                      AND b.Date <= OfferingDays.Date AND OfferingDays.Date < b.EndDate), 0)')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CrowdBusy",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "CrowdCrowded",
                table: "Venues");

            migrationBuilder.DropColumn(
                name: "ToCome",
                table: "OfferingDays");
        }
    }
}
