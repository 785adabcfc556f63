using Duban.Core.Common;
using Duban.Core.Organization;

namespace Duban.Tests.Domain;

public class OrganizationModelTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_unit_needs_a_name(string? name)
    {
        var error = Assert.Throws<DubanException>(() => new Unit(name!, UnitKind.Section, null));

        Assert.Equal("单位名称不能为空。", error.Message);
    }

    [Fact]
    public void A_unit_name_is_trimmed_and_limited()
    {
        Assert.Equal("综合科", new Unit("  综合科 ", UnitKind.Section, null).Name);
        var error = Assert.Throws<DubanException>(() => new Unit(new string('科', Unit.NameMaxLength + 1), UnitKind.Section, null));
        Assert.Contains("不能超过 50 个字符（当前 51 个）", error.Message);
    }

    [Fact]
    public void A_person_name_is_limited_and_position_optional()
    {
        var unit = new Unit("综合科", UnitKind.Section, null);

        Assert.Null(new Person("张三", unit, "  ", false).Position);
        Assert.Throws<DubanException>(() => new Person(new string('张', Person.NameMaxLength + 1), unit, null, false));
        Assert.Throws<DubanException>(() => new Person("张三", unit, new string('长', Person.PositionMaxLength + 1), false));
    }

    [Fact]
    public void A_unit_contains_exactly_its_subtree_by_path()
    {
        var office = UnitAt("/1/2/");
        var section = UnitAt("/1/2/9/");
        var lookalike = UnitAt("/1/22/");

        Assert.True(office.Contains(section));
        Assert.True(office.Contains(office));
        Assert.False(office.Contains(lookalike));
        Assert.False(section.Contains(office));
    }

    private static Unit UnitAt(string path)
    {
        var unit = new Unit("u", UnitKind.Section, null);
        typeof(Unit).GetProperty(nameof(Unit.Path))!.SetValue(unit, path);
        return unit;
    }
}
