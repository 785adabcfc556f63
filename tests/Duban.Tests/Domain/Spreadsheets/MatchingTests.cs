using Duban.Core.Catalog;
using Duban.Core.Spreadsheets;

namespace Duban.Tests.Domain.Spreadsheets;

public class MatchingTests
{
    private static readonly Dictionary<int, string> Units = new()
    {
        [1] = "区政府办公室", [2] = "综合科", [3] = "秘书科", [4] = "调研督查室", [5] = "信息科", [6] = "文电科",
        [7] = "政务公开科", [8] = "机关事务服务中心",
    };

    private static readonly IReadOnlyList<CatalogEntry> Catalog =
        [.. BuiltInCatalog.Entries.Select((e, i) => WithId(new CatalogEntry(e.Set, e.Code, e.SortOrder, e.Title, e.Description, e.Aliases, e.Source, e.IsPlaceholder), i + 1))];

    // Ids come from the database in the app; here each entry gets one by hand.
    private static CatalogEntry WithId(CatalogEntry entry, int id)
    {
        typeof(CatalogEntry).GetProperty(nameof(CatalogEntry.Id))!.SetValue(entry, id);
        return entry;
    }

    private static string TitleOf(int? id) => Catalog.Single(e => e.Id == id).Title;

    [Theory]
    [InlineData("综合科", 2)]
    [InlineData(" 综合 科 ", 2)]
    [InlineData("机关事务服务中心", 8)]
    public void Exact_unit_names_match(string cell, int id)
    {
        var match = new UnitMatcher(Units).Match(cell);

        Assert.Equal(id, match.Id);
        Assert.Null(match.Warning);
    }

    [Fact]
    public void A_name_abbreviating_exactly_one_unit_matches_with_a_warning()
    {
        var match = new UnitMatcher(Units).Match("督查室");

        Assert.Equal(4, match.Id);
        Assert.Contains("调研督查室", match.Warning);
    }

    [Fact]
    public void Aliases_come_from_configuration()
    {
        var match = new UnitMatcher(Units, new Dictionary<string, string> { ["办公室"] = "区政府办公室" }).Match("办公室");

        Assert.Equal(1, match.Id);
    }

    [Fact]
    public void An_unknown_unit_is_an_error_and_never_a_new_unit()
    {
        var match = new UnitMatcher(Units).Match("财务科");

        Assert.Null(match.Id);
        Assert.Contains("不存在", match.Error);
        Assert.Contains("不会新建单位", match.Error);
    }

    [Fact]
    public void An_abbreviation_of_several_units_names_them()
    {
        var match = new UnitMatcher(Units).Match("科");

        Assert.Null(match.Id);
        Assert.NotNull(match.Error);
    }

    [Theory]
    [InlineData("推拖绕", "推拖绕")]
    [InlineData("推拖绕问题", "推拖绕")]
    [InlineData("“推拖绕”", "推拖绕")]
    [InlineData("慵懒散", "庸懒散")]
    [InlineData("十不准：不准拖延超时一分钟", "不准拖延超时一分钟")]
    [InlineData("政治上不过硬", "政治上不过硬、履行主体责任不到位、压力传导层层递减")]
    [InlineData("能力不足办法不多", "能力不足、视野不宽、办法不多")]
    [InlineData("能力不足、视野不宽、办法不多", "能力不足、视野不宽、办法不多")]
    public void Categories_match_by_name_alias_or_an_unambiguous_abbreviation(string cell, string title)
    {
        var match = new CategoryMatcher(Catalog).Match(cell);

        Assert.True(match.Error is null, match.Error);
        Assert.Equal(title, TitleOf(match.Id));
    }

    [Theory]
    [InlineData("搞形式走过场", "热衷于搞形式、走过场、不求实效")]
    [InlineData("敷衍塞责推诿扯皮", "履职担当不够，敷衍塞责、推诿扯皮、官僚主义、衙门作风")]
    [InlineData("弄虚作假", "阳奉阴违、欺上瞒下、弄虚作假、慵懒散慢")]
    [InlineData("顶风违纪", "督查不严、落实不力，号召力弱、凝聚力差，作风不正、顶风违纪")]
    [InlineData("搞形式、走过场问题", "热衷于搞形式、走过场、不求实效")]
    [InlineData("七类问题：“敷衍塞责，推诿扯皮”", "履职担当不够，敷衍塞责、推诿扯皮、官僚主义、衙门作风")]
    public void A_condensed_label_matches_the_one_entry_whose_wording_contains_it(string cell, string title)
    {
        var match = new CategoryMatcher(Catalog).Match(cell);

        Assert.True(match.Error is null, match.Error);
        Assert.Equal(title, TitleOf(match.Id));
    }

    [Fact]
    public void A_match_by_containment_says_which_entry_it_took()
    {
        var match = new CategoryMatcher(Catalog).Match("顶风违纪");

        Assert.Equal("问题类别“顶风违纪”按“督查不严、落实不力，号召力弱、凝聚力差，作风不正、顶风违纪”匹配，请核对。", match.Warning);
    }

    [Fact]
    public void A_label_contained_in_several_entries_is_refused_naming_them()
    {
        var match = new CategoryMatcher(Catalog).Match("不准虚");

        Assert.Null(match.Id);
        Assert.Equal("问题类别“不准虚”可能指：不准虚化落空一件事；不准虚报假报一个数，请写全称。", match.Error);
    }

    [Theory]
    [InlineData("作风")]
    [InlineData("违纪")]
    [InlineData("“形式”")]
    public void A_label_under_three_characters_never_matches_by_containment(string cell)
    {
        var match = new CategoryMatcher(Catalog).Match(cell);

        Assert.Null(match.Id);
        Assert.Contains("不在问题目录中", match.Error);
    }

    [Fact]
    public void Exact_alias_and_abbreviation_matches_come_before_containment_and_carry_no_warning()
    {
        var matcher = new CategoryMatcher(Catalog);

        // 慵懒散 is also inside 阳奉阴违、欺上瞒下、弄虚作假、慵懒散慢, but it is 庸懒散's alias.
        var alias = matcher.Match("慵懒散");
        var abbreviation = matcher.Match("能力不足办法不多");

        Assert.Equal(("庸懒散", null), (TitleOf(alias.Id), alias.Warning));
        Assert.Equal(("能力不足、视野不宽、办法不多", null), (TitleOf(abbreviation.Id), abbreviation.Warning));
    }

    [Fact]
    public void A_cell_may_name_several_categories()
    {
        var matches = new CategoryMatcher(Catalog).MatchCell("推拖绕；中梗阻; 灯下黑");

        Assert.Equal(["推拖绕", "中梗阻", "灯下黑"], matches.Select(m => TitleOf(m.Id)));
    }

    [Fact]
    public void An_unknown_category_is_an_error_that_says_where_names_come_from()
    {
        var match = new CategoryMatcher(Catalog).Match("铺张浪费");

        Assert.Null(match.Id);
        Assert.Contains("不在问题目录中", match.Error);
    }
}
