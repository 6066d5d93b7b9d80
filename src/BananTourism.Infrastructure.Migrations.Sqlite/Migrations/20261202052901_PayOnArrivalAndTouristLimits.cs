using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BananTourism.Infrastructure.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PayOnArrivalAndTouristLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "UnpaidHolds",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MaxUnitsPerBooking",
                table: "Offerings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<bool>(
                name: "PayOnArrivalAllowed",
                table: "Offerings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "PayOnArrivalMaxPeople",
                table: "Offerings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PeoplePerUnitMax",
                table: "Offerings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 4);

            migrationBuilder.AddColumn<int>(
                name: "PeoplePerUnitMin",
                table: "Offerings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "TouristDays",
                columns: table => new
                {
                    TouristId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PayOnArrivalPeople = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TouristDays", x => new { x.TouristId, x.Date });
                    table.CheckConstraint("CK_TouristDays_PayOnArrivalPeople", "\"PayOnArrivalPeople\" >= 0");
                    table.ForeignKey(
                        name: "FK_TouristDays_Users_TouristId",
                        column: x => x.TouristId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Existing offerings take the contract's defaults: sessions keep pay on arrival, stays (Kind 1) lose it
            // until their operator grants it. Existing holds and open pay-on-arrival bookings (each of a stay's nights) fill the new counters.
            migrationBuilder.Sql("UPDATE Offerings SET PayOnArrivalAllowed = 0 WHERE Kind = 1;");
            migrationBuilder.Sql("UPDATE Users SET UnpaidHolds = (SELECT COUNT(*) FROM Bookings WHERE Bookings.TouristId = Users.Id AND Bookings.Status = 0);");
            migrationBuilder.Sql(
                "WITH RECURSIVE nights(TouristId, Date, EndDate, People) AS (" +
                " SELECT TouristId, Date, EndDate, Adults + Children FROM Bookings WHERE Status = 1 AND PaymentMethod = 0" +
                " UNION ALL SELECT TouristId, date(Date, '+1 day'), EndDate, People FROM nights WHERE date(Date, '+1 day') < EndDate)" +
                " INSERT INTO TouristDays (TouristId, Date, PayOnArrivalPeople) SELECT TouristId, Date, SUM(People) FROM nights GROUP BY TouristId, Date;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TouristDays");

            migrationBuilder.DropColumn(
                name: "UnpaidHolds",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "MaxUnitsPerBooking",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "PayOnArrivalAllowed",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "PayOnArrivalMaxPeople",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "PeoplePerUnitMax",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "PeoplePerUnitMin",
                table: "Offerings");
        }
    }
}
