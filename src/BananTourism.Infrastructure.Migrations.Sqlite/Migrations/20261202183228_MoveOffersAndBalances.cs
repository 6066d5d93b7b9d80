using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BananTourism.Infrastructure.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MoveOffersAndBalances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FirstPaymentAmount",
                table: "Bookings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Bookings paid before moves could be refunded: their one payment is all they were paid.
            migrationBuilder.Sql("UPDATE \"Bookings\" SET \"FirstPaymentAmount\" = \"AmountPaid\" WHERE \"PaymentIntentId\" IS NOT NULL;");

            migrationBuilder.AddColumn<string>(
                name: "MoveOfferReason",
                table: "Bookings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MoveOfferUntil",
                table: "Bookings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BookingAdjustments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Occurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    Part = table.Column<int>(type: "INTEGER", nullable: false),
                    IntentId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    RefundId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookingAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BookingAdjustments_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Status_MoveOfferUntil",
                table: "Bookings",
                columns: new[] { "Status", "MoveOfferUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_BookingAdjustments_BookingId_Kind_Occurrence_Part",
                table: "BookingAdjustments",
                columns: new[] { "BookingId", "Kind", "Occurrence", "Part" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BookingAdjustments_IntentId",
                table: "BookingAdjustments",
                column: "IntentId");

            migrationBuilder.CreateIndex(
                name: "IX_BookingAdjustments_Status_Kind",
                table: "BookingAdjustments",
                columns: new[] { "Status", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BookingAdjustments");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_Status_MoveOfferUntil",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "FirstPaymentAmount",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "MoveOfferReason",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "MoveOfferUntil",
                table: "Bookings");
        }
    }
}
