using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BananTourism.Infrastructure.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExtrasAndProduce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Extras",
                table: "Offerings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Produce",
                table: "Offerings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ExtrasRevenue",
                table: "OfferingDays",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ProduceRevenue",
                table: "OfferingDays",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ExtrasTotal",
                table: "Bookings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ExtraStocks",
                columns: table => new
                {
                    ExtraId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Taken = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtraStocks", x => new { x.ExtraId, x.SlotId, x.Date });
                });

            migrationBuilder.CreateTable(
                name: "ProduceDays",
                columns: table => new
                {
                    OfferingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProduceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    QuantityThousandths = table.Column<long>(type: "INTEGER", nullable: false),
                    Revenue = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProduceDays", x => new { x.OfferingId, x.Date, x.ProduceId });
                    table.ForeignKey(
                        name: "FK_ProduceDays_Offerings_OfferingId",
                        column: x => x.OfferingId,
                        principalTable: "Offerings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WeighOuts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    Collect = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PaymentIntentId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    PaymentClientSecret = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    RefundStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    VoidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VoidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Lines = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeighOuts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeighOuts_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WeighOuts_Offerings_OfferingId",
                        column: x => x.OfferingId,
                        principalTable: "Offerings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Offerings made before extras and price lists existed have none (an empty list, not a missing one).
            migrationBuilder.Sql("UPDATE Offerings SET Extras = '[]', Produce = '[]'");

            migrationBuilder.CreateIndex(
                name: "IX_ProduceDays_Date",
                table: "ProduceDays",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_WeighOuts_BookingId_CreatedAt",
                table: "WeighOuts",
                columns: new[] { "BookingId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WeighOuts_OfferingId",
                table: "WeighOuts",
                column: "OfferingId");

            migrationBuilder.CreateIndex(
                name: "IX_WeighOuts_PaymentIntentId",
                table: "WeighOuts",
                column: "PaymentIntentId");

            migrationBuilder.CreateIndex(
                name: "IX_WeighOuts_VenueId_Date",
                table: "WeighOuts",
                columns: new[] { "VenueId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExtraStocks");

            migrationBuilder.DropTable(
                name: "ProduceDays");

            migrationBuilder.DropTable(
                name: "WeighOuts");

            migrationBuilder.DropColumn(
                name: "Extras",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "Produce",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "ExtrasRevenue",
                table: "OfferingDays");

            migrationBuilder.DropColumn(
                name: "ProduceRevenue",
                table: "OfferingDays");

            migrationBuilder.DropColumn(
                name: "ExtrasTotal",
                table: "Bookings");
        }
    }
}
