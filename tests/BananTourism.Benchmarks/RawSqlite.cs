using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace BananTourism.Benchmarks;

/// <summary>The ceiling: what plain Microsoft.Data.Sqlite does with the same writes per booking (take a seat
/// with a conditional UPDATE, count the venue's day, insert the booking and two price lines) and the same
/// durability (WAL, synchronous=FULL), one transaction after another, no HTTP, no ORM.</summary>
public static class RawSqlite
{
    public static async Task<double> MeasureAsync(string path, int bookings)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await Exec(connection, """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
            CREATE TABLE Slots (Id TEXT PRIMARY KEY, Capacity INTEGER, Reserved INTEGER);
            CREATE TABLE VenueDays (VenueId TEXT, Date TEXT, Reserved INTEGER, PRIMARY KEY (VenueId, Date));
            CREATE TABLE Bookings (Id TEXT PRIMARY KEY, Reference TEXT UNIQUE, VerificationCode TEXT UNIQUE, TouristId TEXT,
              OfferingId TEXT, VenueId TEXT, SlotId TEXT, Date TEXT, EndDate TEXT, Adults INTEGER, Children INTEGER,
              Total INTEGER, Status INTEGER, PaymentMethod INTEGER, PaymentStatus INTEGER, ContactName TEXT, ContactPhone TEXT, CreatedAt INTEGER);
            CREATE INDEX IX_Bookings_Tourist ON Bookings (TouristId, CreatedAt);
            CREATE INDEX IX_Bookings_Venue ON Bookings (VenueId, Date, Status);
            CREATE TABLE BookingLines (Id INTEGER PRIMARY KEY, BookingId TEXT, Date TEXT, Kind INTEGER, Quantity INTEGER, UnitPrice INTEGER, Amount INTEGER);
            CREATE INDEX IX_BookingLines_Booking ON BookingLines (BookingId);
            """);
        var slots = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid().ToString()).ToArray();
        foreach (var slot in slots)
        {
            await Exec(connection, $"INSERT INTO Slots VALUES ('{slot}', 1000000, 0); INSERT INTO VenueDays VALUES ('{slot}', '2026-12-01', 0);");
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < bookings; i++)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            var slot = slots[i % slots.Length];
            var id = Guid.NewGuid().ToString();
            await Exec(connection, "UPDATE Slots SET Reserved = Reserved + 2 WHERE Id = $s AND Reserved + 2 <= Capacity", tx, ("$s", slot));
            await Exec(connection, "UPDATE VenueDays SET Reserved = Reserved + 2 WHERE VenueId = $s AND Date = '2026-12-01'", tx, ("$s", slot));
            await Exec(connection, """
                INSERT INTO Bookings VALUES ($id, $ref, $code, $t, $o, $v, $s, '2026-12-01', '2026-12-02', 2, 0, 11600, 1, 0, 0, '张三', '13800138000', $now)
                """, tx, ("$id", id), ("$ref", "BT-" + id[..8]), ("$code", id[^12..]), ("$t", slot), ("$o", slot), ("$v", slot), ("$s", slot), ("$now", DateTime.UtcNow.Ticks));
            await Exec(connection, "INSERT INTO BookingLines (BookingId, Date, Kind, Quantity, UnitPrice, Amount) VALUES ($id, '2026-12-01', 0, 2, 5800, 11600), ($id, '2026-12-01', 1, 0, 2800, 0)", tx, ("$id", id));
            await tx.CommitAsync();
        }

        return bookings / clock.Elapsed.TotalSeconds;
    }

    private static async Task Exec(SqliteConnection connection, string sql, SqliteTransaction? tx = null, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
