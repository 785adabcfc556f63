using Duban.Core.Ledger;
using static Duban.Tests.Domain.Ledger.ItemBuilder;

namespace Duban.Tests.Domain.Ledger;

/// <summary>The light at its boundaries, in memory and in the database forms built from the one definition (LightRule).</summary>
public class LightTests
{
    private const int YellowDays = 7;

    [Theory]
    [InlineData(-1, Light.Red)]
    [InlineData(0, Light.Yellow)]
    [InlineData(7, Light.Yellow)]
    [InlineData(8, Light.Green)]
    [InlineData(60, Light.Green)]
    public void A_dated_item_is_red_when_overdue_yellow_within_N_days_green_otherwise(int daysLeft, Light expected)
    {
        var item = Item(ItemState.Assigned, Details(dueOn: Today.AddDays(daysLeft), foundOn: Today.AddDays(-30)));

        Assert.Equal(expected, item.LightOn(Today, YellowDays));
        Assert.True(Matches(item, expected));
    }

    [Theory]
    [InlineData(0, Light.Yellow)]
    [InlineData(7, Light.Yellow)]
    [InlineData(8, Light.Red)]
    public void An_immediate_item_is_yellow_from_day_one_and_red_after_seven_days(int daysSinceFound, Light expected)
    {
        var item = Item(ItemState.InProgress, Details(DeadlineKind.Immediate, foundOn: Today.AddDays(-daysSinceFound)));

        Assert.Equal(expected, item.LightOn(Today, YellowDays));
        Assert.True(Matches(item, expected));
    }

    [Fact]
    public void An_ongoing_item_turns_red_when_a_period_passes_without_a_report_and_a_report_turns_it_green()
    {
        var item = Item(ItemState.InProgress, Details(DeadlineKind.Ongoing, foundOn: Today.AddMonths(-1).AddDays(-1), period: ReportingPeriod.Monthly));
        Assert.Equal(Light.Red, item.LightOn(Today, YellowDays));

        item.ReportProgress("本月已落实", Liaison, Now);

        Assert.Equal(Today.AddMonths(1), item.DueOn);
        Assert.Equal(Light.Green, item.LightOn(Today, YellowDays));
    }

    [Fact]
    public void The_yellow_threshold_is_a_setting()
    {
        var item = Item(ItemState.Assigned, Details(dueOn: Today.AddDays(10)));

        Assert.Equal(Light.Green, item.LightOn(Today, 7));
        Assert.Equal(Light.Yellow, item.LightOn(Today, 10));
    }

    [Fact]
    public void A_closed_item_has_no_light()
    {
        var item = Item(ItemState.Closed, Details(dueOn: Today.AddDays(1)));

        Assert.Equal(Light.None, item.LightOn(Today.AddDays(100), YellowDays));
        Assert.True(Matches(item, Light.None));
    }

    // The database forms of the rule, built from the same definition, give the same light as the item.
    private static bool Matches(RectificationItem item, Light light) =>
        LightRule.Is(light, Today, YellowDays).Compile()(item)
        && Enum.GetValues<Light>().Where(l => l != light).All(other => !LightRule.Is(other, Today, YellowDays).Compile()(item))
        && LightRule.OfItem(Today, YellowDays).Compile()(item).Light == light;
}
