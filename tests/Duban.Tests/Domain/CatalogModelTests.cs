using Duban.Core.Catalog;
using Duban.Core.Common;

namespace Duban.Tests.Domain;

public class CatalogModelTests
{
    [Fact]
    public void The_built_in_catalog_has_every_list_with_unique_codes_and_a_source()
    {
        var entries = BuiltInCatalog.Entries;

        Assert.Equal(["守摊子", "中梗阻", "推拖绕", "庸懒散", "走秀场", "打白条", "虚假空", "灯下黑"],
            entries.Where(e => e.Set == CatalogSet.EightAilments).Select(e => e.Title));
        Assert.Equal(10, entries.Count(e => e.Set == CatalogSet.TenProhibitions));
        Assert.Equal(7, entries.Count(e => e.Set == CatalogSet.SevenClasses));
        Assert.All(entries.Where(e => e.Set == CatalogSet.OfficeSixAspects), e => Assert.True(e.IsPlaceholder));
        Assert.Equal(entries.Count, entries.Select(e => e.Code).Distinct().Count());
        Assert.Contains(entries, e => e.Set == CatalogSet.TenProhibitions && e.Source.Contains("2018年4月", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("庸懒散")]
    [InlineData("慵懒散")]
    [InlineData(" 慵懒散 ")]
    public void The_lazy_ailment_answers_to_both_spellings(string text) =>
        Assert.True(BuiltInCatalog.Entries.Single(e => e.Code == "BZBX-04").IsCalled(text));

    [Fact]
    public void Editing_normalises_alias_separators_and_fills_a_placeholder()
    {
        var copy = new CatalogEntry(CatalogSet.OfficeSixAspects, "BGS-01", 1, "办公室方面问题（1）", null, null, "工作方案", isPlaceholder: true);

        copy.Edit("会风文风不正", null, "文山会海， 会多文多,会议多", "工作方案");

        Assert.Equal(["文山会海", "会多文多", "会议多"], copy.AliasList);
        Assert.False(copy.IsPlaceholder);
        Assert.Throws<DubanException>(() => copy.Edit("", null, null, "x"));
        Assert.Throws<DubanException>(() => copy.Edit("x", null, null, " "));
    }
}
