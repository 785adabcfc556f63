using Duban.Core.Assessment;

namespace Duban.Tests.Domain.Assessment;

/// <summary>Grades at the thresholds and the 优秀 quota at its boundaries: ties, vetoes, rounding down.</summary>
public sealed class GradingTests
{
    private static readonly Grading Rules = new();

    private static IReadOnlyList<Placed> Place(params decimal[] totals) =>
        Rules.Place([.. totals.Select((t, i) => new Ranked(i + 1, $"单位{i + 1:00}", t, false))]);

    [Fact]
    public void Ten_units_give_two_excellent_places_and_the_thresholds_grade_the_rest()
    {
        var placed = Place(99, 98, 97, 95, 94.99m, 85, 84.99m, 70, 69.99m, 50);

        Assert.Equal(["优秀", "优秀", "良好", "良好", "良好", "良好", "一般", "一般", "较差", "较差"], placed.Select(p => Grading.Name(p.Grade)));
        Assert.Equal(Enumerable.Range(1, 10), placed.Select(p => p.Rank));
    }

    [Fact]
    public void A_tie_that_would_pass_the_quota_is_graded_alike_below_it()
    {
        var placed = Place(99, 97, 97, 96, 60, 60, 60, 60, 60, 60);

        Assert.Equal([Grade.Excellent, Grade.Good, Grade.Good], placed.Take(3).Select(p => p.Grade));
        Assert.Equal([1, 2, 2, 4], placed.Take(4).Select(p => p.Rank));
        Assert.Equal([5, 5, 5, 5, 5, 5], placed.Skip(4).Select(p => p.Rank));
    }

    [Fact]
    public void The_quota_rounds_down_and_a_vetoed_unit_is_never_excellent()
    {
        Assert.DoesNotContain(Place(99, 98, 97, 96).Select(p => p.Grade), g => g == Grade.Excellent);
        Assert.Single(Place(99, 98, 97, 96, 95), p => p.Grade == Grade.Excellent);

        var placed = Rules.Place([new Ranked(1, "甲", 99, true), new Ranked(2, "乙", 98, false), new Ranked(3, "丙", 90, false),
            new Ranked(4, "丁", 90, false), new Ranked(5, "戊", 80, false)]);
        Assert.Equal([(1, Grade.Good), (2, Grade.Excellent)], placed.Take(2).Select(p => (p.UnitId, p.Grade)));
    }
}
