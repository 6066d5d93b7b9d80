using BananTourism.Infrastructure;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BananTourism.Migrations.Tests;

public class MigrationTests
{
    private const string SqlServerConnection = "Server=localhost;Database=BananTourism;TrustServerCertificate=True";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Model_HasNoChangesMissingFromTheMigrations(DatabaseProvider provider)
    {
        using var db = Context(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : SqlServerConnection);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a {provider} migration: dotnet ef migrations add <Name> --project src/BananTourism.Infrastructure.Migrations.{provider} --startup-project src/BananTourism.Infrastructure.Migrations.{provider}");
    }

    [Fact]
    public void SqlServerScript_MatchesTheMigrations()
    {
        using var db = Context(DatabaseProvider.SqlServer, SqlServerConnection);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var file = Path.Combine(RepositoryRoot(), "infra", "sql", "sqlserver-migrations.sql");
        Assert.True(
            Normalize(expected) == Normalize(File.ReadAllText(file)),
            "infra/sql/sqlserver-migrations.sql is stale; regenerate it with: dotnet ef migrations script --idempotent " +
            "--project src/BananTourism.Infrastructure.Migrations.SqlServer --startup-project src/BananTourism.Infrastructure.Migrations.SqlServer " +
            "-o infra/sql/sqlserver-migrations.sql");
    }

    [Fact]
    public async Task SqliteMigrations_CreateAWorkingDatabaseFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"banan-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = Context(DatabaseProvider.Sqlite, $"Data Source={path}"))
            {
                await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
                Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
                Assert.Equal(0, await db.Townships.CountAsync(TestContext.Current.CancellationToken));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static AppDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.Configure(options, provider, connectionString);
        return new AppDbContext(options.Options);
    }

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().TrimStart('\uFEFF');

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BananTourism.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("BananTourism.sln not found above the test folder.");
    }
}
