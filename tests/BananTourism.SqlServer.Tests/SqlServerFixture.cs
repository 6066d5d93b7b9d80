using BananTourism.Infrastructure;
using BananTourism.Infrastructure.Persistence;
using DotNet.Testcontainers.Configurations;
using Microsoft.EntityFrameworkCore;
using Testcontainers.MsSql;

namespace BananTourism.SqlServer.Tests;

/// <summary>A throwaway SQL Server 2022 in Docker with the migrations applied. Where no Docker engine answers,
/// <see cref="SkipReason"/> says so and every test skips with that reason.</summary>
public sealed class SqlServerFixture : IAsyncLifetime
{
    public const string Image = "mcr.microsoft.com/mssql/server:2022-latest";

    private MsSqlContainer? _container;

    public string? SkipReason { get; private set; }

    public string ConnectionString => _container?.GetConnectionString() ?? throw new InvalidOperationException(SkipReason);

    public async ValueTask InitializeAsync()
    {
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            SkipReason = "No Docker engine answers on this machine, so SQL Server 2022 cannot be started; " +
                         "these tests run where Docker is available.";
            return;
        }

        _container = new MsSqlBuilder(Image).Build();
        await _container.StartAsync();

        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.Configure(options, DatabaseProvider.SqlServer, ConnectionString);
        await using var db = new AppDbContext(options.Options);
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    public void SkipWithoutDocker() => Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
}
