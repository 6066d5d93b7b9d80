namespace BananTourism.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Configuration section <c>Database</c>; the connection string is <c>ConnectionStrings:BananTourism</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "BananTourism";
    public const string DefaultSqliteFile = "data/banan.db";
    public const string SqliteMigrationsAssembly = "BananTourism.Infrastructure.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "BananTourism.Infrastructure.Migrations.SqlServer";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
