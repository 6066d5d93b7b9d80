using BananTourism.Domain.Offerings;
using BananTourism.Domain.Reviews;

namespace BananTourism.Domain.Tests;

public class ShowcaseRuleTests
{
    [Theory]
    [InlineData("张三", "张**")]
    [InlineData("欧阳娜娜", "欧**")]
    [InlineData("  Li Lei ", "L**")]
    [InlineData("", "游客")]
    [InlineData("𠮷野家", "𠮷**")] // a character outside the BMP is not cut in half
    public void AuthorsAreMasked_WithoutTheirLength(string name, string shown) => Assert.Equal(shown, Review.Mask(name));

    [Fact]
    public void ASeasonLine_IsCurrentForFourteenDays_AndInSeasonAtPeakOrEnding()
    {
        var posted = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var peak = new SeasonLine(SeasonStatus.Peak, "盛开", null, posted);
        Assert.True(peak.IsCurrent(posted.AddDays(14)));
        Assert.False(peak.IsCurrent(posted.AddDays(14).AddSeconds(1)));
        Assert.True(peak.InSeason(posted.AddDays(3)));
        Assert.True((peak with { Status = SeasonStatus.Ending }).InSeason(posted));
        Assert.False((peak with { Status = SeasonStatus.Budding }).InSeason(posted));
        Assert.False(peak.InSeason(posted.AddDays(15)));
    }

    [Theory]
    [InlineData(SeasonStatus.Peak, false, false, "盛花")]
    [InlineData(SeasonStatus.Peak, true, false, "成熟")]
    [InlineData(SeasonStatus.Budding, true, false, "挂果")]
    [InlineData(SeasonStatus.Over, true, false, "结束")]
    [InlineData(SeasonStatus.Peak, false, true, "In full bloom")]
    public void TheWords_FollowWhatIsInSeason(SeasonStatus status, bool fruit, bool english, string word) =>
        Assert.Equal(word, SeasonLine.Word(status, fruit, english));

    [Theory]
    [InlineData("柑橘采摘", true)]
    [InlineData("玫瑰采摘", false)]
    [InlineData("赏菊采菊", false)]
    public void PickingIsToldInFruitWords_UnlessAFlowerIsPicked(string name, bool fruit) =>
        Assert.Equal(fruit, SeasonLine.IsFruit(BananTourism.Domain.Venues.Category.Picking, name));
}
