using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BananTourism.SqlServer.Tests;

/// <summary>The catalog queries against SQL Server, through the real Api configured for it.</summary>
public sealed class SqlServerCatalogTests(SqlServerFixture sql) : IClassFixture<SqlServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Catalog_OnSqlServer_ServesTheDemoCatalog()
    {
        sql.SkipWithoutDocker();
        await using var api = new SqlServerApi(sql.ConnectionString);
        var client = api.CreateClient();

        var townships = JsonNode.Parse(await client.GetStringAsync("/api/v1/townships", Ct))!.AsArray();
        Assert.Contains(townships, t => t!["name"]!.GetValue<string>() == "二圣镇");

        var fishing = JsonNode.Parse(await client.GetStringAsync("/api/v1/venues?category=fishing&q=稻虾", Ct))!;
        Assert.Equal(1, fishing["total"]!.GetValue<int>());

        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var offerings = JsonNode.Parse(await client.GetStringAsync($"/api/v1/offerings?date={tomorrow}&partySize=2&pageSize=100", Ct))!;
        var roses = offerings["items"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "玫瑰采摘")!;
        Assert.Equal(80, roses["available"]!.GetValue<int>());

        var availability = await client.GetAsync($"/api/v1/offerings/{roses["id"]}/availability?from={tomorrow}&to={tomorrow}", Ct);
        Assert.Equal(HttpStatusCode.OK, availability.StatusCode);
        Assert.Equal(2, JsonNode.Parse(await availability.Content.ReadAsStringAsync(Ct))!["slots"]!.AsArray().Count);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
    }

    private sealed class SqlServerApi(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("ConnectionStrings:BananTourism", connectionString);
        }
    }
}
