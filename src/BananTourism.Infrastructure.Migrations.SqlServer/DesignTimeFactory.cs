using BananTourism.Infrastructure;
using BananTourism.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BananTourism.Infrastructure.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server model and scripts without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.Configure(options, DatabaseProvider.SqlServer, "Server=localhost;Database=BananTourism;Trusted_Connection=False;TrustServerCertificate=True");
        return new AppDbContext(options.Options);
    }
}
