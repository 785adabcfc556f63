using Duban.Core.Common;
using Duban.Core.Ledger;
using Duban.Core.Supervision.Draws;

namespace Duban.Tests.Domain.Supervision;

/// <summary>A draw's own rules: exclusions (回避), the count and seed it accepts, redraws, and its 回头看 checks.</summary>
public sealed class DrawTests
{
    private const string Seed = "福彩3D 2026317期 845";
    private static readonly string[] Keys = ["ZG-2026-0003", "ZG-2026-0001", "ZG-2026-0005", "ZG-2026-0002", "ZG-2026-0004"];
    private static readonly ItemActor Supervisor = new(7, "督查室张三");
    private static readonly DateTime At = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    private static Draw Make(int? count, string? seed = Seed, IReadOnlyList<string>? exclude = null, DrawPopulation population = DrawPopulation.ClosedItems,
        Draw? replaces = null, string? replacedBy = null, string? reason = null) =>
        Draw.Make(1, 2026, 1, Keys, new DrawRequest(population, count, seed, exclude, replaces, replacedBy, reason), Supervisor, At);

    private static string Refusal(Action act) => Assert.Throws<DubanException>(act).Message;

    [Fact]
    public void A_draw_stores_its_population_seed_hash_and_selection_with_its_code()
    {
        var draw = Make(3);

        Assert.Equal("CJ-2026-001", draw.Code);
        Assert.Equal(DrawMethod.Algorithm, draw.Algorithm);
        Assert.Equal(("5ea7bef77f9758ea9a2e4e6004e764dc3d1addf2a0ce34ca7b944059f2bbf2cd", 5, false),
            (draw.PopulationHash, draw.PopulationSize, draw.SeedGenerated));
        Assert.Equal(["ZG-2026-0001", "ZG-2026-0002", "ZG-2026-0003", "ZG-2026-0004", "ZG-2026-0005"], draw.PopulationKeys);
        Assert.Equal(["ZG-2026-0001", "ZG-2026-0003", "ZG-2026-0002"], draw.SelectedKeys);
        Assert.True(DrawService.Verify(draw).Consistent);
    }

    [Fact]
    public void Excluded_keys_leave_the_population_before_drawing()
    {
        // sha256sum of "ZG-2026-0001\nZG-2026-0002\nZG-2026-0003\nZG-2026-0005" (see DrawMethodTests).
        var draw = Make(4, exclude: [" ZG-2026-0004 "]);

        Assert.Equal("5df9905a93665755b7b37166a344a0a56afbd6e503e4db8d13d818886de7ae8b", draw.PopulationHash);
        Assert.Equal(["ZG-2026-0004"], draw.ExcludedKeys);
        Assert.Equal(["ZG-2026-0001", "ZG-2026-0003", "ZG-2026-0002", "ZG-2026-0005"], draw.SelectedKeys);
    }

    [Fact]
    public void Without_a_seed_the_draw_makes_one_and_says_so()
    {
        var draw = Make(2, seed: "  ");

        Assert.True(draw.SeedGenerated);
        Assert.Matches("^[0-9a-f]{64}$", draw.Seed);
        Assert.Equal(DrawMethod.Select(draw.Seed, Keys, 2), draw.SelectedKeys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(6)]
    public void A_count_outside_one_to_the_population_is_refused(int count) =>
        Assert.Equal("抽取数量应在 1 至 5 之间（回避后总体共 5 个）。", Refusal(() => Make(count)));

    [Fact]
    public void The_count_is_checked_against_the_population_after_exclusion() =>
        Assert.Equal("抽取数量应在 1 至 4 之间（回避后总体共 4 个）。", Refusal(() => Make(5, exclude: ["ZG-2026-0001"])));

    [Fact]
    public void Bad_input_is_refused_in_Chinese()
    {
        Assert.Equal("请填写抽取数量。", Refusal(() => Make(null)));
        Assert.Equal("种子不能超过 200 个字符（现为 201 个）。", Refusal(() => Make(1, seed: new string('种', 201))));
        Assert.Equal("种子不能包含换行。", Refusal(() => Make(1, seed: "a\nb")));
        Assert.Equal("回避对象“ZG-2026-0099”不在总体中。", Refusal(() => Make(1, exclude: ["ZG-2026-0099"])));
        Assert.Equal("总体为空：该活动没有可抽取的对象。", Refusal(() => Make(1, exclude: Keys)));
        Assert.Equal("只有重新抽取才填写理由：请同时指明被替换的抽取。", Refusal(() => Make(1, reason: "重抽")));
        Assert.Equal(5, Make(1, seed: new string('种', 200)).PopulationSize);
    }

    [Fact]
    public void A_redraw_needs_a_reason_and_names_the_draw_it_replaces()
    {
        var first = Make(2);

        Assert.Equal("重新抽取必须填写理由。", Refusal(() => Make(2, replaces: first, reason: " ")));
        var again = Make(2, seed: "另一个种子", replaces: first, reason: "种子公布前已泄露");
        Assert.Equal("种子公布前已泄露", again.ReplaceReason);
        Assert.Equal("抽取 CJ-2026-001 已被 CJ-2026-002 替换，不能再次替换。",
            Refusal(() => Make(2, replaces: first, replacedBy: "CJ-2026-002", reason: "再来一次")));
    }

    [Fact]
    public void Checks_are_for_drawn_items_once_and_a_failure_needs_a_reason()
    {
        var draw = Make(3);
        Assert.Equal("该事项不在本次抽取结果中。", Refusal(() => draw.RecordCheck("ZG-2026-0004", true, null, null, 4, 9, null, Supervisor, At)));
        Assert.Equal("回头看不通过必须填写理由。", Refusal(() => draw.RecordCheck("ZG-2026-0001", false, " ", null, 1, 9, null, Supervisor, At)));
        Assert.Equal("请选择回头看结果：通过或不通过。", Refusal(() => draw.RecordCheck("ZG-2026-0001", null, null, null, 1, 9, null, Supervisor, At)));
        Assert.Empty(draw.Checks);

        var check = draw.RecordCheck("ZG-2026-0001", false, "台账资料缺失", null, 1, 9, null, Supervisor, At);

        Assert.Equal(("ZG-2026-0001", false, "台账资料缺失", 9), (check.Key, check.Passed, check.Reason, check.UnitId));
        Assert.Equal("回头看（CJ-2026-001）不通过：台账资料缺失", draw.ReopenReason(check.Reason!));
        Assert.Equal("事项 ZG-2026-0001 已登记回头看结果，不能改写。",
            Refusal(() => draw.RecordCheck("ZG-2026-0001", true, null, null, 1, 9, null, Supervisor, At)));
        Assert.Single(draw.Checks);
    }

    [Fact]
    public void A_replaced_draw_or_a_draw_of_units_takes_no_checks()
    {
        Assert.Equal("抽取 CJ-2026-001 已被 CJ-2026-002 替换，不能再登记回头看结果。",
            Refusal(() => Make(3).RecordCheck("ZG-2026-0001", true, null, "CJ-2026-002", 1, 9, null, Supervisor, At)));
        Assert.Equal("只有从已销号事项中抽取的结果才能登记回头看。",
            Refusal(() => Make(3, population: DrawPopulation.Units).RecordCheck("ZG-2026-0001", true, null, null, 1, 9, null, Supervisor, At)));
    }
}
