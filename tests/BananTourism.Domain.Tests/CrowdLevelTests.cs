using BananTourism.Domain.Venues;

namespace BananTourism.Domain.Tests;

public class CrowdLevelTests
{
    private static readonly CrowdThresholds Defaults = CrowdThresholds.Default;

    [Theory]
    [InlineData(0, 100, CrowdLevel.Comfortable)]
    [InlineData(59, 100, CrowdLevel.Comfortable)]
    [InlineData(60, 100, CrowdLevel.Busy)] // at the threshold: busy
    [InlineData(84, 100, CrowdLevel.Busy)]
    [InlineData(85, 100, CrowdLevel.Crowded)] // at the threshold: crowded
    [InlineData(150, 100, CrowdLevel.Crowded)] // walk-ins past the cap
    [InlineData(50, 85, CrowdLevel.Comfortable)]
    [InlineData(51, 85, CrowdLevel.Busy)] // 51 ÷ 85 is 0.6 exactly: no floating point between it and busy
    [InlineData(72, 85, CrowdLevel.Busy)] // 72.25 people would be crowded: 72 is not
    [InlineData(73, 85, CrowdLevel.Crowded)]
    public void TheLevel_ComesFromPeopleAgainstTheDaysCapacity_AtOrAboveEachThreshold(int people, int capacity, CrowdLevel expected)
    {
        Assert.Equal(expected, Defaults.LevelOf(people, capacity, closed: false));
    }

    [Fact]
    public void AClosedDay_IsClosed_WhateverItsPeople()
    {
        Assert.Equal(CrowdLevel.Closed, Defaults.LevelOf(0, 100, closed: true));
        Assert.Equal(CrowdLevel.Closed, Defaults.LevelOf(99, 100, closed: true));
    }

    [Fact]
    public void WithoutCapacity_NobodyIsComfortable_AndSomebodyIsCrowded()
    {
        Assert.Equal(CrowdLevel.Comfortable, Defaults.LevelOf(0, 0, closed: false));
        Assert.Equal(CrowdLevel.Crowded, Defaults.LevelOf(1, 0, closed: false));
    }

    [Fact]
    public void AVenuesOwnThresholds_MoveTheLevels()
    {
        var strict = new CrowdThresholds(0.5m, 0.7m);
        Assert.Equal(CrowdLevel.Busy, strict.LevelOf(50, 100, false));
        Assert.Equal(CrowdLevel.Crowded, strict.LevelOf(70, 100, false));
        Assert.Equal(CrowdLevel.Busy, strict.LevelOf(69, 100, false));
    }

    [Theory]
    [InlineData(0, 0.85, "crowdThresholds.busy")]
    [InlineData(1, 1, "crowdThresholds.busy")]
    [InlineData(0.6, 0.6, "crowdThresholds.crowded")]
    [InlineData(0.6, 1.01, "crowdThresholds.crowded")]
    public void ThresholdsOutOfOrder_AreRefused_ByField(double busy, double crowded, string field) =>
        Assert.Equal(field, new CrowdThresholds((decimal)busy, (decimal)crowded).Check()?.Field);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 3, 0.3333)]
    [InlineData(2, 3, 0.6667)]
    [InlineData(130, 100, 1.3)]
    public void Utilization_IsToFourDecimals(int people, int capacity, double expected) =>
        Assert.Equal((decimal)expected, CrowdThresholds.Utilization(people, capacity));
}
