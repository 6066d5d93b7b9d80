using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace BananTourism.Benchmarks;

/// <summary>The ceiling: what plain Microsoft.Data.Sqlite does with the same writes per booking (take a seat
/// with a conditional UPDATE, count the venue's day, insert the booking and two price lines) and the same
/// durability (WAL, synchronous=FULL), no HTTP, no ORM. <paramref name="perCommit"/> bookings share a transaction:
/// 1 is a commit (an fsync) per booking; the service's group commit puts what its clients queued into one, so the
/// batched figure (one per concurrent client, prepared statements kept across the batch) is the limit to compare with.</summary>
public static class RawSqlite
{
    public static async Task<double> MeasureAsync(string path, int bookings, int perCommit = 1)
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

        await using var takeSeat = Command(connection, "UPDATE Slots SET Reserved = Reserved + 2 WHERE Id = $s AND Reserved + 2 <= Capacity", "$s");
        await using var countDay = Command(connection, "UPDATE VenueDays SET Reserved = Reserved + 2 WHERE VenueId = $s AND Date = '2026-12-01'", "$s");
        await using var insertBooking = Command(connection, """
            INSERT INTO Bookings VALUES ($id, $ref, $code, $t, $o, $v, $s, '2026-12-01', '2026-12-02', 2, 0, 11600, 1, 0, 0, '张三', '13800138000', $now)
            """, "$id", "$ref", "$code", "$t", "$o", "$v", "$s", "$now");
        await using var insertLines = Command(connection,
            "INSERT INTO BookingLines (BookingId, Date, Kind, Quantity, UnitPrice, Amount) VALUES ($id, '2026-12-01', 0, 2, 5800, 11600), ($id, '2026-12-01', 1, 0, 2800, 0)", "$id");
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < bookings;)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            foreach (var command in new[] { takeSeat, countDay, insertBooking, insertLines })
            {
                command.Transaction = tx;
            }

            for (var n = 0; n < perCommit && done < bookings; n++, done++)
            {
                var slot = slots[done % slots.Length];
                var id = Guid.NewGuid().ToString();
                await Run(takeSeat, slot);
                await Run(countDay, slot);
                await Run(insertBooking, id, "BT-" + id[..8], id[^12..], slot, slot, slot, slot, DateTime.UtcNow.Ticks);
                await Run(insertLines, id);
            }

            await tx.CommitAsync();
        }

        return bookings / clock.Elapsed.TotalSeconds;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static async Task Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync();
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
