using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BananTourism.Infrastructure.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Rescheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxReschedules",
                table: "Offerings",
                type: "int",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "RescheduleFreeHoursBefore",
                table: "Offerings",
                type: "int",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.AddColumn<long>(
                name: "BalanceDue",
                table: "Bookings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "MaxReschedules",
                table: "Bookings",
                type: "int",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "RescheduleCount",
                table: "Bookings",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RescheduleFreeHoursBefore",
                table: "Bookings",
                type: "int",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RescheduledFromDate",
                table: "Bookings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RescheduledFromEndDate",
                table: "Bookings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RescheduledFromSlotId",
                table: "Bookings",
                type: "uniqueidentifier",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaxReschedules",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "RescheduleFreeHoursBefore",
                table: "Offerings");

            migrationBuilder.DropColumn(
                name: "BalanceDue",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "MaxReschedules",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "RescheduleCount",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "RescheduleFreeHoursBefore",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "RescheduledFromDate",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "RescheduledFromEndDate",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "RescheduledFromSlotId",
                table: "Bookings");
        }
    }
}
