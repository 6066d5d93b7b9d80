using BananTourism.Api.IntegrationTests.Support;
using BananTourism.Infrastructure.Background;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BananTourism.Api.IntegrationTests;

/// <summary>A scheduled job's lease: of many claimers at once exactly one wins a period, the first time (insert) and
/// every time after (guarded update).</summary>
public sealed class JobLeaseTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThirtyClaimersAtOnce_OneWinsEachPeriod()
    {
        var job = "test." + Guid.NewGuid().ToString("N");
        var period = TimeSpan.FromMinutes(1);
        var claimers = Enumerable.Range(0, 30).Select(_ => new JobLeases(api.Services.GetRequiredService<IServiceScopeFactory>(), api.Clock)).ToList();
        async Task<int> RaceAsync() => (await Task.WhenAll(claimers.Select(c => Task.Run(() => c.TryClaimAsync(job, period, Ct), Ct)))).Count(won => won);

        Assert.Equal(1, await RaceAsync()); // the row does not exist yet: one insert wins
        Assert.Equal(0, await RaceAsync()); // same period
        api.Clock.Advance(period);
        Assert.Equal(1, await RaceAsync());
        api.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await RaceAsync());
        api.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await RaceAsync());

        Assert.Equal(3, await api.WithDbAsync(db => db.JobLeases.Where(l => l.Name == job).Select(l => l.Runs).SingleAsync(Ct)));
    }
}
