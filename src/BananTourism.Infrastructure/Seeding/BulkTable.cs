using System.Data;
using System.Data.Common;
using System.Globalization;
using SQLitePCL;
using BananTourism.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BananTourism.Infrastructure.Seeding;

/// <summary>Writes many new rows of one entity straight to its table, past the change tracker: on SQLite as one prepared
/// INSERT bound by position in the caller's transaction, on SQL Server with <see cref="SqlBulkCopy"/>. The columns and each
/// value's provider form (converters, Guid as text on SQLite, instants as ticks) come from the EF model, so the rows
/// are what SaveChanges would have written; <paramref name="extra"/> supplies columns the model maps another way
/// (an owned collection stored as JSON).</summary>
internal sealed class BulkTable<T> where T : class
{
    private readonly List<(string Column, RelationalTypeMapping Mapping, Func<T, object?> Value)> _columns = [];
    private readonly string _table;
    private readonly List<T> _pending = [];
    private readonly HashSet<int> _keys = [];
    private Dictionary<object, byte[]>?[] _texts = [];
    private byte[] _buffer = new byte[4096];

    public BulkTable(AppDbContext db, IReadOnlyDictionary<string, Func<T, object?>>? extra = null)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        _table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(_table, entity.GetSchema());
        var key = entity.FindPrimaryKey()?.Properties ?? [];
        foreach (var property in entity.GetProperties())
        {
            if (key.Contains(property))
            {
                _keys.Add(_columns.Count); // unique: not worth keeping its text
            }

            var getter = property.GetGetter();
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var converter = mapping.Converter;
            _columns.Add((property.GetColumnName(store)!, mapping, converter is null
                ? row => getter.GetClrValue(row)
                : row => getter.GetClrValue(row) is { } v ? converter.ConvertToProvider(v) : null));
        }

        foreach (var (column, value) in extra ?? new Dictionary<string, Func<T, object?>>())
        {
            _columns.Add((column, (RelationalTypeMapping)db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(string))!, value));
        }
    }

    public int Count { get; private set; }

    public void Add(T row)
    {
        _pending.Add(row);
        Count++;
    }

    /// <summary>Writes what was added since the last flush.</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        if (connection is SqlConnection sql)
        {
            await CopyAsync(sql, (SqlTransaction)transaction, ct);
        }
        else
        {
            InsertRaw((SqliteConnection)connection); // in the transaction the connection has open
        }

        _pending.Clear();
    }

    /// <summary>SQLite through its own API: one prepared statement, values bound by position. ADO.NET binds by name, and
    /// its name lookups made a wide row cost more than SQLite's whole insert.</summary>
    private void InsertRaw(SqliteConnection connection)
    {
        var names = string.Join(", ", _columns.Select(c => $"\"{c.Column}\""));
        var marks = string.Join(", ", _columns.Select(_ => "?"));
        var db = connection.Handle!;
        if (_texts.Length != _columns.Count)
        {
            _texts = _columns.Select((_, i) => _keys.Contains(i) ? null : new Dictionary<object, byte[]>()).ToArray();
        }

        Check(db, raw.sqlite3_prepare_v2(db, $"INSERT INTO \"{_table}\" ({names}) VALUES ({marks})", out var statement));
        using (statement)
        {
            // SQLite keeps a statement's bindings across resets, so a value equal to the previous row's (a constant, a
            // null, the same offering or date) is not bound again: most of a history booking's 52 columns never change.
            var last = new object?[_columns.Count];
            var first = true;
            foreach (var row in _pending)
            {
                for (var c = 0; c < _columns.Count; c++)
                {
                    var index = c + 1;
                    var value = _columns[c].Value(row);
                    if (!first && Equals(value, last[c]))
                    {
                        continue;
                    }

                    last[c] = value;
                    var bound = value switch
                    {
                        null => raw.sqlite3_bind_null(statement, index),
                        bool b => raw.sqlite3_bind_int(statement, index, b ? 1 : 0),
                        long l => raw.sqlite3_bind_int64(statement, index, l),
                        int n => raw.sqlite3_bind_int64(statement, index, n),
                        double f => raw.sqlite3_bind_double(statement, index, f),
                        var other => raw.sqlite3_bind_text(statement, index, Utf8(c, other)),
                    };
                    Check(db, bound);
                }

                first = false;
                var stepped = raw.sqlite3_step(statement);
                if (stepped != raw.SQLITE_DONE)
                {
                    Check(db, stepped);
                }

                raw.sqlite3_reset(statement);
            }
        }
    }

    /// <summary>A value's text as SQLite gets it from EF, in UTF-8. The texts of a column whose values repeat (the
    /// offering, the venue, the date, a constant) are made once; a column found to hold mostly new values (keys,
    /// references) stops being remembered and is encoded into one reused buffer.</summary>
    private ReadOnlySpan<byte> Utf8(int column, object value)
    {
        var cache = _texts[column];
        if (cache is not null && cache.TryGetValue(value, out var known))
        {
            return known;
        }

        var text = value switch
        {
            string t => t,
            Guid g => g.ToString().ToUpperInvariant(), // EF's form of a Guid on SQLite
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeOnly t => t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            decimal m => m.ToString("0.0###########################", CultureInfo.InvariantCulture),
            _ => throw new NotSupportedException($"{_table}.{_columns[column].Column}: no bulk form for {value.GetType().Name}."),
        };
        if (cache is not null)
        {
            if (cache.Count < 2048)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(text);
                cache[value] = bytes;
                return bytes;
            }

            _texts[column] = null; // mostly new values: not worth remembering
        }

        var length = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }

        return _buffer.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(text, _buffer));
    }

    private static void Check(SQLitePCL.sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }

    private async Task CopyAsync(SqlConnection connection, SqlTransaction transaction, CancellationToken ct)
    {
        using var table = new DataTable();
        foreach (var (column, _, _) in _columns)
        {
            table.Columns.Add(column, typeof(object));
        }

        foreach (var row in _pending)
        {
            table.Rows.Add(_columns.Select(c => c.Value(row) ?? DBNull.Value).ToArray());
        }

        using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, transaction)
        {
            DestinationTableName = $"[{_table}]", BatchSize = 10_000, BulkCopyTimeout = 0,
        };
        foreach (var (column, _, _) in _columns)
        {
            copy.ColumnMappings.Add(column, column);
        }

        await copy.WriteToServerAsync(table, ct);
    }
}
